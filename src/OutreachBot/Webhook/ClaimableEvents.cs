namespace OutreachBot.Webhook;

// Raw unix milliseconds: a claim reads every pending event, a page at a time, and only compares these times.
/// <summary>A pending event as the claim sees it: whose it is, when it happened, and whether it is free to be handled.</summary>
public readonly record struct PendingEvent(long Id, string? SourceKey, long EventTimestamp, long NextAttemptAt, long? ClaimedUntil)
{
    public bool IsFreeAt(long now) => NextAttemptAt <= now && (ClaimedUntil is null || ClaimedUntil < now);

    public bool HappenedBefore(PendingEvent other) =>
        EventTimestamp < other.EventTimestamp || (EventTimestamp == other.EventTimestamp && Id < other.Id);
}

/// <summary>
/// Chooses what may be handled next among pending events read in arrival order: of each source (citizen, group or room)
/// a run of up to <paramref name="runLength"/> events in the order they happened, starting with its first and ending
/// before any that is not due or is claimed, so a citizen's events are handled one at a time and in order. Events
/// without a source stand alone. A run lets one claim take a stretch of a citizen's backlog instead of one event.
/// </summary>
public sealed class ClaimableEvents(long now, int runLength)
{
    private static readonly Comparer<PendingEvent> InOrderOfHappening =
        Comparer<PendingEvent>.Create((a, b) => a.Id == b.Id ? 0 : a.HappenedBefore(b) ? -1 : 1);

    /// <summary>Per source, its earliest events so far in the order they happened; later ones cannot be in its run.</summary>
    private readonly Dictionary<string, List<PendingEvent>> _earliestOfSource = new(StringComparer.Ordinal);
    private readonly List<PendingEvent> _sourceless = [];

    public void Add(PendingEvent pending)
    {
        if (pending.SourceKey is null)
        {
            _sourceless.Add(pending);
            return;
        }

        if (!_earliestOfSource.TryGetValue(pending.SourceKey, out var earliest))
        {
            _earliestOfSource[pending.SourceKey] = [pending];
            return;
        }

        var at = earliest.BinarySearch(pending, InOrderOfHappening);
        var index = at < 0 ? ~at : at;
        if (index < runLength)
        {
            earliest.Insert(index, pending);
            if (earliest.Count > runLength)
            {
                earliest.RemoveAt(earliest.Count - 1);
            }
        }
    }

    /// <summary>How many events could be claimed now.</summary>
    public int Count => Runs().Sum(run => run.Count);

    /// <summary>The ids of up to <paramref name="limit"/> claimable events: runs in the arrival order of their first event.</summary>
    public IReadOnlyList<long> Take(int limit) => [.. TakeRuns(limit).SelectMany(run => run)];

    /// <summary>Up to <paramref name="limit"/> claimable events as runs, each the ids of one source's events in the order they happened.</summary>
    public IReadOnlyList<IReadOnlyList<long>> TakeRuns(int limit)
    {
        var taken = new List<IReadOnlyList<long>>();
        var left = limit;
        foreach (var run in Runs().OrderBy(run => run[0].Id))
        {
            if (left == 0)
            {
                break;
            }

            var part = run.Take(left).Select(e => e.Id).ToList();
            taken.Add(part);
            left -= part.Count;
        }

        return taken;
    }

    private IEnumerable<List<PendingEvent>> Runs()
    {
        foreach (var earliest in _earliestOfSource.Values)
        {
            var free = earliest.TakeWhile(e => e.IsFreeAt(now)).ToList();
            if (free.Count > 0)
            {
                yield return free;
            }
        }

        foreach (var alone in _sourceless.Where(e => e.IsFreeAt(now)))
        {
            yield return [alone];
        }
    }
}
