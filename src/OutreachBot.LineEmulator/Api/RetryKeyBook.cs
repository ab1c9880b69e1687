using System.Collections.Concurrent;

namespace OutreachBot.LineEmulator.Api;

/// <summary>
/// <c>X-Line-Retry-Key</c>s LINE has accepted, remembered for 24 hours as LINE does. A key is reserved while its
/// request runs, kept when the request succeeds and released when it fails, so a failed send can be retried.
/// </summary>
public sealed class RetryKeyBook(TimeProvider time, TimeSpan lifetime)
{
    private readonly ConcurrentDictionary<Guid, Entry> _keys = new();

    /// <summary>Null when the key is free and now reserved for <paramref name="requestId"/>; else the request id that holds it.</summary>
    public string? TryReserve(Guid key, string requestId)
    {
        var now = time.GetUtcNow();
        while (true)
        {
            var fresh = new Entry(requestId, now, Completed: false);
            var held = _keys.GetOrAdd(key, fresh);
            if (ReferenceEquals(held, fresh))
            {
                return null;
            }

            if (!held.Completed || now - held.At < lifetime)
            {
                return held.RequestId;
            }

            // Older than 24 hours: LINE sends again with the same key.
            if (_keys.TryUpdate(key, fresh, held))
            {
                return null;
            }
        }
    }

    public void Accept(Guid key, string requestId) => _keys[key] = new Entry(requestId, time.GetUtcNow(), Completed: true);

    public void Release(Guid key, string requestId)
    {
        if (_keys.TryGetValue(key, out var held) && !held.Completed && held.RequestId == requestId)
        {
            _keys.TryRemove(new KeyValuePair<Guid, Entry>(key, held));
        }
    }

    private sealed record Entry(string RequestId, DateTimeOffset At, bool Completed);
}
