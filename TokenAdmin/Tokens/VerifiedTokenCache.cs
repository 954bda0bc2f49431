using System.Collections.Concurrent;

namespace TokenAdmin.Tokens;

/// <summary>
/// Verified tokens by the hash of their secret, so the API's hot path skips the database. Every change to a token
/// drops its entry; a generation number keeps a lookup that raced with a change from storing what it read before.
/// </summary>
public sealed class VerifiedTokenCache
{
    // A bound on memory for installs with very many live tokens; past it the cache starts over.
    private const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<SecretHash, VerifiedToken> _bySecret = new();
    private readonly ConcurrentDictionary<int, SecretHash> _secretByTokenId = new();
    private long _generation;

    /// <summary>Read before loading a token from the database, then handed to <see cref="Add"/>.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public int Count => _bySecret.Count;

    public bool TryGet(SecretHash secret, out VerifiedToken token) => _bySecret.TryGetValue(secret, out token!);

    /// <summary>Keeps the token unless an entry was dropped since <paramref name="generationBeforeLoad"/>.</summary>
    public void Add(SecretHash secret, VerifiedToken token, long generationBeforeLoad)
    {
        if (Generation != generationBeforeLoad)
            return;
        if (_bySecret.Count >= MaxEntries)
            Clear();
        _bySecret[secret] = token;
        _secretByTokenId[token.Id] = secret;
        // An invalidation between the check above and the store would otherwise be lost.
        if (Generation != generationBeforeLoad)
            Remove(token.Id);
    }

    public void Invalidate(int tokenId)
    {
        Interlocked.Increment(ref _generation);
        Remove(tokenId);
    }

    public void Invalidate(IEnumerable<int> tokenIds)
    {
        Interlocked.Increment(ref _generation);
        foreach (var tokenId in tokenIds)
            Remove(tokenId);
    }

    /// <summary>For changes that touch many tokens at once, such as deleting a resource and its grants.</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _bySecret.Clear();
        _secretByTokenId.Clear();
    }

    /// <summary>Drops every entry whose token has expired at <paramref name="now"/>.</summary>
    public void RemoveExpired(DateTimeOffset now)
    {
        foreach (var (_, token) in _bySecret)
        {
            if (!token.IsLiveAt(now))
                Invalidate(token.Id);
        }
    }

    private void Remove(int tokenId)
    {
        if (_secretByTokenId.TryRemove(tokenId, out var secret))
            _bySecret.TryRemove(secret, out _);
    }
}
