namespace OutreachBot.Webhook;

/// <summary>A pending event as the claim sees it: whose it is, when it happened, and whether it is free to be handled.</summary>
public readonly record struct PendingEvent(long Id, string? SourceKey, long EventTimestamp, long NextAttemptAt, long? ClaimedUntil)
{
    public bool IsFreeAt(long now) => NextAttemptAt <= now && (ClaimedUntil is null || ClaimedUntil < now);

    public bool HappenedBefore(PendingEvent other) =>
        EventTimestamp < other.EventTimestamp || (EventTimestamp == other.EventTimestamp && Id < other.Id);
}

/// <summary>
/// Chooses what may be handled next among pending events read in arrival order: of each source (citizen, group or room)
/// only the event that happened first, and only when it is due and not claimed, so a citizen's events are handled one at
/// a time and in the order they happened. Events without a source stand alone.
/// </summary>
public sealed class ClaimableEvents(long now)
{
    private readonly Dictionary<string, PendingEvent> _firstOfSource = new(StringComparer.Ordinal);
    private readonly List<PendingEvent> _sourceless = [];

    public void Add(PendingEvent pending)
    {
        if (pending.SourceKey is null)
        {
            _sourceless.Add(pending);
        }
        else if (!_firstOfSource.TryGetValue(pending.SourceKey, out var first) || pending.HappenedBefore(first))
        {
            _firstOfSource[pending.SourceKey] = pending;
        }
    }

    public int Count => Free().Count();

    /// <summary>The ids of up to <paramref name="limit"/> claimable events, the earliest arrivals first.</summary>
    public IReadOnlyList<long> Take(int limit) => [.. Free().Select(e => e.Id).Order().Take(limit)];

    private IEnumerable<PendingEvent> Free() => _firstOfSource.Values.Concat(_sourceless).Where(e => e.IsFreeAt(now));
}
