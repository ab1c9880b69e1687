using OutreachBot.LineEmulator.Hosting;

namespace OutreachBot.Tests.Broadcasts;

/// <summary>A broadcast's promise as LINE saw it: every recipient received the multicast once, and nobody else did.</summary>
internal static class ExactlyOnce
{
    /// <summary>How many times each recipient received a multicast, from the emulator's record.</summary>
    public static Dictionary<string, int> MulticastCounts(LineEmulatorServer line) => line.Journal.Deliveries
        .Where(d => d.Via == "multicast")
        .GroupBy(d => d.Recipient, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    public static void Verify(IReadOnlyDictionary<string, int> deliveries, IEnumerable<string> recipients)
    {
        Assert.Equal(recipients.Order(StringComparer.Ordinal), deliveries.Keys.Order(StringComparer.Ordinal));
        Assert.All(deliveries, d => Assert.True(d.Value == 1, $"{d.Key} got it {d.Value} times"));
    }
}
