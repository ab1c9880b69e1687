using OutreachBot.Webhook;

namespace OutreachBot.Tests.Webhook;

public sealed class ClaimableEventsTests
{
    private const long Now = 1_000;

    [Fact]
    public void Take_OneCitizensEventsReadOutOfOrder_OnlyTheOneThatHappenedFirst()
    {
        var claimable = With(Pending(1, "Ua", timestamp: 30), Pending(2, "Ua", timestamp: 10), Pending(3, "Ua", timestamp: 20));

        Assert.Equal([2L], claimable.Take(10));
    }

    [Fact]
    public void Take_SameTimestamp_EarlierArrivalFirst()
    {
        var claimable = With(Pending(7, "Ua", timestamp: 10), Pending(5, "Ua", timestamp: 10));

        Assert.Equal([5L], claimable.Take(10));
    }

    [Fact]
    public void Take_CitizensFirstEventClaimedOrWaitingForRetry_NothingOfThatCitizen()
    {
        var claimable = With(
            Pending(1, "Uclaimed", timestamp: 1, claimedUntil: Now + 1),
            Pending(2, "Uclaimed", timestamp: 2),
            Pending(3, "Uretrying", timestamp: 1, nextAttemptAt: Now + 1),
            Pending(4, "Uretrying", timestamp: 2),
            Pending(5, "Ufree", timestamp: 1));

        Assert.Equal([5L], claimable.Take(10));
    }

    [Fact]
    public void Take_ClaimWhoseLeaseRanOut_ClaimableAgain()
    {
        var claimable = With(Pending(1, "Ua", timestamp: 1, claimedUntil: Now - 1));

        Assert.Equal([1L], claimable.Take(10));
    }

    [Fact]
    public void Take_EventsWithoutSource_EachStandsAlone()
    {
        var claimable = With(Pending(1, null, timestamp: 2), Pending(2, null, timestamp: 1));

        Assert.Equal([1L, 2L], claimable.Take(10));
        Assert.Equal(2, claimable.Count);
    }

    [Fact]
    public void Take_MoreClaimableThanTheLimit_EarliestArrivalsFirst()
    {
        var claimable = With(Pending(9, "Uc", timestamp: 1), Pending(3, "Ua", timestamp: 5), Pending(4, "Ub", timestamp: 2));

        Assert.Equal([3L, 4L], claimable.Take(2));
        Assert.Equal(3, claimable.Count);
    }

    [Fact]
    public void TakeRuns_OneCitizensEventsReadOutOfOrder_TheirEarliestInTheOrderTheyHappened()
    {
        var claimable = With(3, Pending(1, "Ua", timestamp: 30), Pending(2, "Ua", timestamp: 10), Pending(3, "Ua", timestamp: 40), Pending(4, "Ua", timestamp: 20));

        Assert.Equal([[2L, 4L, 1L]], claimable.TakeRuns(10));
    }

    [Fact]
    public void TakeRuns_EventWaitingForRetryInsideTheRun_RunEndsBeforeIt()
    {
        var claimable = With(5, Pending(1, "Ua", timestamp: 1), Pending(2, "Ua", timestamp: 2, nextAttemptAt: Now + 1), Pending(3, "Ua", timestamp: 3), Pending(4, "Ub", timestamp: 1));

        Assert.Equal([[1L], [4L]], claimable.TakeRuns(10));
        Assert.Equal(2, claimable.Count);
    }

    [Fact]
    public void TakeRuns_MoreThanTheLimit_RunsInArrivalOrderCutAtTheLimit()
    {
        var claimable = With(4, Pending(5, "Ub", timestamp: 1), Pending(1, "Ua", timestamp: 1), Pending(2, "Ua", timestamp: 2), Pending(6, "Ub", timestamp: 2));

        Assert.Equal([[1L, 2L], [5L]], claimable.TakeRuns(3));
    }

    private static ClaimableEvents With(params PendingEvent[] events) => With(1, events);

    private static ClaimableEvents With(int runLength, params PendingEvent[] events)
    {
        var claimable = new ClaimableEvents(Now, runLength);
        foreach (var pending in events)
        {
            claimable.Add(pending);
        }

        return claimable;
    }

    private static PendingEvent Pending(long id, string? source, long timestamp, long nextAttemptAt = Now, long? claimedUntil = null) =>
        new(id, source, timestamp, nextAttemptAt, claimedUntil);
}
