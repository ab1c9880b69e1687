using OutreachBot.LineSending;

namespace OutreachBot.Tests.LineSending;

internal static class LimiterShareWaits
{
    /// <summary>On PostgreSQL a new instance has no share of the ceiling until the cluster has seen it for a few seconds.</summary>
    public static async Task WaitForShareAsync(this SpacedRateLimiter limiter)
    {
        for (var waited = 0; limiter.PerSecond == 0 && waited < 300; waited++)
        {
            await Task.Delay(50);
        }

        Assert.NotEqual(0, limiter.PerSecond);
    }
}
