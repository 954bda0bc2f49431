using System.ComponentModel.DataAnnotations;

namespace TokenAdmin.Data;

/// <summary>Where TokenAdmin keeps its files (section <c>TokenAdmin</c>).</summary>
public sealed class DataOptions
{
    public const string Section = "TokenAdmin";

    /// <summary>
    /// Folder for the SQLite database and the data-protection keys; created when missing. A relative path is
    /// taken from the folder the app is started in.
    /// </summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    public string FullDataDirectory => Path.GetFullPath(DataDirectory);

    public string DatabasePath => Path.Combine(FullDataDirectory, "tokenadmin.db");

    public string KeysDirectory => Path.Combine(FullDataDirectory, "keys");

    public string ConnectionString => $"Data Source={DatabasePath};Default Timeout=30";

    public string SchedulerConnectionString =>
        $"Data Source={Path.Combine(FullDataDirectory, "scheduler.db")};Default Timeout=30";
}
