using OutreachBot.LineSending;

namespace OutreachBot.Tests.LineSending;

/// <summary>A share of the ceiling set by the test, as the cluster's check-ins would set it.</summary>
internal sealed class SettableRateShare : IRateShare
{
    public int PerWindow { get; set; } = int.MaxValue;

    int IRateShare.PerWindow(int ceiling) => Math.Min(ceiling, PerWindow);
}
