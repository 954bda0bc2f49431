using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TokenAdmin.Bench;

/// <summary>
/// Counts the SQL commands EF Core executes inside <see cref="CountAsync"/>'s async flow, through EF's
/// DiagnosticListener: the bench listens, the app is not changed. Work on other flows is not counted.
/// </summary>
public sealed class CommandCounter
    : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly AsyncLocal<bool> _counting = new();
    private readonly List<string> _commands = [];
    private readonly List<IDisposable> _subscriptions = [];

    public CommandCounter() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

    public IReadOnlyList<string> Commands => _commands;

    public async Task<T> CountAsync<T>(Func<Task<T>> work)
    {
        _counting.Value = true;
        try
        {
            return await work();
        }
        finally
        {
            _counting.Value = false;
        }
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
            _subscriptions.Add(listener.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> diagnostic)
    {
        if (!_counting.Value || diagnostic.Key != RelationalEventId.CommandExecuted.Name)
            return;
        if (diagnostic.Value is CommandExecutedEventData { Command: DbCommand command } executed)
        {
            lock (_commands)
                _commands.Add($"{executed.Duration.TotalMilliseconds:0} ms: {OneLine(command.CommandText)}");
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
            subscription.Dispose();
    }

    private static string OneLine(string sql) =>
        string.Join(' ', sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
