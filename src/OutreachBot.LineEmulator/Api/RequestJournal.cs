using System.Collections.Concurrent;
using System.Text;

namespace OutreachBot.LineEmulator.Api;

/// <summary>
/// Every request the emulator answered, and every delivery it made, for tests to query. A request's deliveries are
/// kept as one entry with its recipients and spread into one <see cref="Delivery"/> each only when read: a million
/// multicast recipients cost two thousand entries, not a million objects for the collector to trace.
/// </summary>
public sealed class RequestJournal
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<DeliveredRequest> _deliveries = new();
    private long _sequence;
    private int _deliveryCount;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>One entry per recipient a reply, push or multicast delivered to.</summary>
    public IReadOnlyList<Delivery> Deliveries =>
        [.. _deliveries.SelectMany(d => d.Recipients.Select(r => new Delivery(d.RequestId, d.RetryKey, r, d.Via, d.MessageCount, d.At)))];

    /// <summary>How many deliveries so far, without copying them.</summary>
    public int DeliveryCount => Volatile.Read(ref _deliveryCount);

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

    internal void Add(DeliveredRequest delivered)
    {
        _deliveries.Enqueue(delivered);
        Interlocked.Add(ref _deliveryCount, delivered.Recipients.Count);
    }

    public void Clear()
    {
        _requests.Clear();
        _deliveries.Clear();
        Volatile.Write(ref _deliveryCount, 0);
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
    int Status,
    string? RetryKey,
    DateTimeOffset At,
    string? Fault)
{
    private string? _jsonText;

    /// <summary>
    /// The body: JSON as its text, anything else described (<c>&lt;over 2 MB&gt;</c>, <c>&lt;n bytes type&gt;</c>). A JSON
    /// body is kept as its bytes and turned into text when first read: a run of thousands of multicasts is rarely read.
    /// </summary>
    public string? Body => JsonBody is { } json ? _jsonText ??= Encoding.UTF8.GetString(json) : BodyDescription;

    internal byte[]? JsonBody { get; init; }

    internal string? BodyDescription { get; init; }
}

/// <summary>What one accepted request handed to its recipients.</summary>
internal sealed record DeliveredRequest(string RequestId, string? RetryKey, IReadOnlyList<string> Recipients, string Via, int MessageCount, DateTimeOffset At);

/// <summary>Messages handed to one recipient by one accepted request.</summary>
/// <param name="Via"><c>reply</c>, <c>push</c> or <c>multicast</c>.</param>
public sealed record Delivery(string RequestId, string? RetryKey, string Recipient, string Via, int MessageCount, DateTimeOffset At);
