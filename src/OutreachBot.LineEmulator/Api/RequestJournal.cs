using System.Collections.Concurrent;

namespace OutreachBot.LineEmulator.Api;

/// <summary>Every request the emulator answered, and every delivery it made, for tests to query.</summary>
public sealed class RequestJournal
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<Delivery> _deliveries = new();
    private long _sequence;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>One entry per recipient a reply, push or multicast delivered to.</summary>
    public IReadOnlyList<Delivery> Deliveries => [.. _deliveries];

    /// <summary>How many deliveries so far, without copying them.</summary>
    public int DeliveryCount => _deliveries.Count;

    public IReadOnlyList<RecordedRequest> For(string path) =>
        [.. _requests.Where(r => string.Equals(r.Path, path, StringComparison.Ordinal))];

    /// <summary>The most requests to <paramref name="path"/> that arrived in any one-second window, wherever it starts.</summary>
    public int BusiestSecond(string path)
    {
        var times = For(path).Select(r => r.At).Order().ToList();
        var most = 0;
        for (int start = 0, end = 0; end < times.Count; end++)
        {
            while (times[end] - times[start] >= TimeSpan.FromSeconds(1))
            {
                start++;
            }

            most = Math.Max(most, end - start + 1);
        }

        return most;
    }

    internal long NextSequence() => Interlocked.Increment(ref _sequence);

    internal void Add(RecordedRequest request) => _requests.Enqueue(request);

    internal void Add(Delivery delivery) => _deliveries.Enqueue(delivery);

    public void Clear()
    {
        _requests.Clear();
        _deliveries.Clear();
    }
}

/// <param name="Headers">Request headers, without Authorization.</param>
/// <param name="At">When the request arrived, which is when LINE counts it against a rate.</param>
/// <param name="Status">The status answered; 0 when the connection was dropped on purpose.</param>
/// <param name="Fault">The fault injected into this request, if any (<c>429</c>, <c>500</c>, <c>drop</c>, <c>slow</c>).</param>
public sealed record RecordedRequest(
    long Sequence,
    string RequestId,
    string Method,
    string Path,
    string Query,
    IReadOnlyDictionary<string, string> Headers,
    string? Body,
    int Status,
    string? RetryKey,
    DateTimeOffset At,
    string? Fault);

/// <summary>Messages handed to one recipient by one accepted request.</summary>
/// <param name="Via"><c>reply</c>, <c>push</c> or <c>multicast</c>.</param>
public sealed record Delivery(string RequestId, string? RetryKey, string Recipient, string Via, int MessageCount, DateTimeOffset At);
