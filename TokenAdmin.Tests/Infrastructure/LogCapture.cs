using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace TokenAdmin.Tests.Infrastructure;

/// <summary>
/// Every log line of one test app at Debug and above, each checked for secrets as it is written. A line is the
/// formatted message, the state's values, the scopes' values and the exception: whatever a structured sink
/// would store. Only the latest lines are kept (a browser test class logs hundreds of thousands).
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private const int KeptLines = 20_000;

    private readonly ConcurrentQueue<LogLine> _lines = new();
    private readonly ConcurrentDictionary<string, byte> _passwords = new();
    private readonly ConcurrentDictionary<string, string> _allowedInCategory = new();
    private readonly List<SecretLeak> _leaks = [];
    private readonly Lock _leaksLock = new();
    private int _reported;
    private long _written;
    private IExternalScopeProvider? _scopes;

    /// <summary>How many lines were written so far: a mark for <see cref="LinesSince"/>.</summary>
    public long Written => Interlocked.Read(ref _written);

    /// <summary>The lines written after the mark, all of them, or an exception if some are no longer kept.</summary>
    public IReadOnlyList<LogLine> LinesSince(long mark)
    {
        var lines = _lines.Where(line => line.Number > mark).ToList();
        if (lines.Count > 0 && lines.Min(line => line.Number) > mark + 1)
            throw new InvalidOperationException($"Lines after {mark} are no longer kept: only the last {KeptLines}.");
        return lines;
    }

    /// <summary>Every leak found so far, reported or not.</summary>
    public IReadOnlyList<SecretLeak> Leaks
    {
        get
        {
            lock (_leaksLock)
                return [.. _leaks];
        }
    }

    /// <summary>Leaks not handed out before; each is handed out once, so one leak fails one test.</summary>
    public IReadOnlyList<SecretLeak> TakeNewLeaks()
    {
        lock (_leaksLock)
        {
            var fresh = _leaks.Skip(_reported).ToList();
            _reported = _leaks.Count;
            return fresh;
        }
    }

    /// <summary>
    /// Lets one secret appear in one category's lines without counting as a leak: for a test that puts a secret
    /// where the framework is known to log it, and says why.
    /// </summary>
    public void Allow(string secret, string category) => _allowedInCategory[secret] = category;

    /// <summary>A value the app encrypted; the 43-character ones are sandbox passwords.</summary>
    public void NoteProtected(ReadOnlySpan<byte> plaintext)
    {
        if (plaintext.Length != SecretShapes.PasswordLength)
            return;
        var text = Encoding.UTF8.GetString(plaintext);
        if (SecretShapes.IsBase62(text))
            _passwords.TryAdd(text, 0);
    }

    public void Record(string category, LogLevel level, string text)
    {
        var line = new LogLine(Interlocked.Increment(ref _written), category, level, text);
        _lines.Enqueue(line);
        while (_lines.Count > KeptLines)
            _lines.TryDequeue(out _);
        var found = SecretShapes.FindTokenSecrets(text)
            .Concat(SecretShapes.FindPasswordCandidates(text).Where(_passwords.ContainsKey))
            .Distinct()
            .Where(secret => _allowedInCategory.GetValueOrDefault(secret) != category)
            .Select(secret => new SecretLeak(line, secret))
            .ToList();
        if (found.Count == 0)
            return;
        lock (_leaksLock)
            _leaks.AddRange(found);
    }

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
            capture._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var text = new StringBuilder(formatter(state, exception));
            AppendValues(text, state);
            capture._scopes?.ForEachScope((scope, builder) => AppendValues(builder, scope), text);
            if (exception is not null)
                text.Append(Environment.NewLine).Append(exception);
            capture.Record(category, logLevel, text.ToString());
        }

        private static void AppendValues(StringBuilder text, object? state)
        {
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                    text.Append(" | ").Append(key).Append('=').Append(value);
            }
            else if (state is not null)
            {
                text.Append(" | ").Append(state);
            }
        }
    }
}

public sealed record LogLine(long Number, string Category, LogLevel Level, string Text);

public sealed record SecretLeak(LogLine Line, string Secret)
{
    /// <summary>The leak described with the secret masked, so the failure report does not repeat it.</summary>
    public override string ToString() =>
        $"{Line.Level} {Line.Category}: {SecretShapes.Mask(Line.Text, Secret)}";
}
