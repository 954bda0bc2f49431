namespace TokenAdmin.Data;

/// <summary>
/// The configured database cannot be used at start-up. The message is one line for the operator: it names the
/// setting and the cause, never a value that could be a secret.
/// </summary>
public sealed class DatabaseSetupException(string message, Exception? cause = null) : Exception(message, cause);
