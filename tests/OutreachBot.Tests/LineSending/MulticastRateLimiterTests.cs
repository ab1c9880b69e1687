using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OutreachBot.Broadcasts;
using OutreachBot.LineSending;

namespace OutreachBot.Tests.LineSending;

public sealed class MulticastRateLimiterTests
{
    // 10 a second: one permit every 100 ms.
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(100);

    private readonly FakeTimeProvider _time = new();
    private readonly SettableRateShare _share = new();
    private readonly ConcurrentQueue<TimeSpan> _permits = new();
    private readonly long _start;

    public MulticastRateLimiterTests() => _start = _time.GetTimestamp();

    [Fact]
    public async Task Wait_ManyAtOnce_PermitsOneSpacingApartInTheOrderAsked()
    {
        var limiter = Limiter(perSecond: 10);
        var order = new ConcurrentQueue<int>();
        for (var i = 0; i < 25; i++)
        {
            var n = i;
            Take(limiter, () => order.Enqueue(n));
        }

        await WaitForPermitsAsync(1);

        for (var k = 1; k < 25; k++)
        {
            await AdvanceToAsync(Spacing * k - TimeSpan.FromMilliseconds(1));
            await AssertStaysAtAsync(k);
            await AdvanceToAsync(Spacing * k);
            await WaitForPermitsAsync(k + 1);
        }

        Assert.Equal(Enumerable.Range(0, 25).Select(k => Spacing * k), _permits);
        Assert.Equal(Enumerable.Range(0, 25), order);
    }

    [Fact]
    public async Task Wait_ShareLoweredWhileSending_NoWindowHoldsMoreThanTheNewShare()
    {
        var limiter = Limiter(perSecond: 10);
        for (var k = 0; k < 10; k++)
        {
            await AdvanceToAsync(Spacing * k);
            Take(limiter);
            await WaitForPermitsAsync(k + 1);
        }

        _share.PerWindow = 5;
        Take(limiter);
        // The second before any permit may hold only 5: the 6th-newest, answered at 500 ms, must leave it first.
        var due = (Spacing * 5) + TimeSpan.FromSeconds(1);
        await AdvanceToAsync(due - TimeSpan.FromMilliseconds(1));
        await AssertStaysAtAsync(10);
        await AdvanceToAsync(due + TimeSpan.FromMilliseconds(1));
        await WaitForPermitsAsync(11);
        Assert.True(_permits.Last() >= due, $"permit at {_permits.Last()}, window allowed it at {due}");
    }

    [Fact]
    public async Task Wait_RequestsHeldBackBeforeLine_CountUntilASecondAfterTheirAnswer()
    {
        // Ten permits whose requests are held on the way (a cold connection, a pause): they may all reach LINE at once,
        // whenever that is, so the window cannot take another until a second after the last of them was answered.
        var limiter = Limiter(perSecond: 10);
        var held = new List<RatePermit>();
        for (var k = 0; k < 10; k++)
        {
            await AdvanceToAsync(Spacing * k);
            held.Add(await limiter.WaitAsync(CancellationToken.None));
        }

        Take(limiter);
        await AdvanceToAsync(TimeSpan.FromSeconds(5));
        await AssertStaysAtAsync(0);
        held.ForEach(p => p.Dispose());
        await AdvanceToAsync(TimeSpan.FromSeconds(6) - TimeSpan.FromMilliseconds(1));
        await AssertStaysAtAsync(0);
        await AdvanceToAsync(TimeSpan.FromSeconds(6) + Spacing);
        await WaitForPermitsAsync(1);
    }

    [Fact]
    public async Task Wait_CeilingOff_PermitsAtOnce()
    {
        var limiter = Limiter(perSecond: 0);
        for (var i = 0; i < 1000; i++)
        {
            using var permit = await limiter.WaitAsync(CancellationToken.None);
        }

        Assert.True(limiter.Unlimited);
    }

    private MulticastRateLimiter Limiter(int perSecond) =>
        new(Options.Create(new BroadcastOptions { MulticastPerSecond = perSecond }), _time, _share);

    /// <summary>
    /// Asks for a permit now, on this thread (so the order of asking is this order), notes when it comes, and answers
    /// the request at once.
    /// </summary>
    private void Take(MulticastRateLimiter limiter, Action? then = null) =>
        _ = limiter.WaitAsync(CancellationToken.None).AsTask().ContinueWith(
            permit =>
            {
                permit.Result.Dispose();
                then?.Invoke();
                _permits.Enqueue(_time.GetElapsedTime(_start));
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    private async Task AdvanceToAsync(TimeSpan elapsed)
    {
        var now = _time.GetElapsedTime(_start);
        if (elapsed > now)
        {
            _time.Advance(elapsed - now);
        }

        await Task.Yield();
    }

    private async Task WaitForPermitsAsync(int count)
    {
        for (var waited = 0; _permits.Count < count && waited < 500; waited++)
        {
            await Task.Delay(10);
        }

        Assert.Equal(count, _permits.Count);
    }

    /// <summary>Gives a wrongly released waiter real time to show up before concluding it was held.</summary>
    private async Task AssertStaysAtAsync(int count)
    {
        await Task.Delay(50);
        Assert.True(count == _permits.Count, $"{_permits.Count} permits, expected {count}: {string.Join(", ", _permits.Select(p => p.TotalMilliseconds))} at {_time.GetElapsedTime(_start).TotalMilliseconds}");
    }
}
