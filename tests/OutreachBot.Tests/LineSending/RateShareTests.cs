using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OutreachBot.Broadcasts;
using OutreachBot.LineSending;

namespace OutreachBot.Tests.LineSending;

/// <summary>The limiter spends only this process's share of the ceiling, and the cluster's shares add up to the ceiling.</summary>
public sealed class RateShareTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-11-29T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
    private readonly SettableRateShare _share = new() { PerWindow = 10 };

    [Theory]
    [InlineData(200, 1)]
    [InlineData(200, 2)]
    [InlineData(200, 3)]
    [InlineData(2000, 7)]
    [InlineData(2, 3)]
    public void Split_AnyNumberOfInstances_PartsAddUpToTheCeilingAndDifferByOneAtMost(int ceiling, int count)
    {
        var parts = Enumerable.Range(0, count).Select(i => ClusterRateShare.Split(ceiling, i, count)).ToList();

        Assert.Equal(ceiling, parts.Sum());
        Assert.InRange(parts.Max() - parts.Min(), 0, 1);
    }

    [Fact]
    public async Task Limiter_HalfTheCeiling_SpacesPermitsForHalf()
    {
        var limiter = Limiter(ceiling: 10);
        _share.PerWindow = 5;
        (await limiter.WaitAsync(CancellationToken.None)).Dispose();

        var second = limiter.WaitAsync(CancellationToken.None).AsTask();
        _time.Advance((Window / 5) - TimeSpan.FromMilliseconds(1));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(5, limiter.PerSecond);
    }

    [Fact]
    public async Task Limiter_NoShare_SendsNothingUntilItHasOne()
    {
        var limiter = Limiter(ceiling: 10);
        _share.PerWindow = 0;

        var first = limiter.WaitAsync(CancellationToken.None).AsTask();
        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.False(first.IsCompleted);
        _share.PerWindow = 1;
        _time.Advance(TimeSpan.FromMilliseconds(100));
        await first.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private MulticastRateLimiter Limiter(int ceiling) =>
        new(Options.Create(new BroadcastOptions { MulticastPerSecond = ceiling }), _time, _share);
}
