using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Webhook;

public sealed class InboxSettingsTests
{
    [Fact]
    public async Task Start_ClaimLeaseNotOutlastingTheLineClient_RefusedNamingBothSettings()
    {
        await using var world = await TestWorld.StartAsync("Sqlite");
        var bot = world.CreateBot(new Dictionary<string, string?>
        {
            ["Inbox:ClaimLease"] = "00:01:40",
            ["Line:TotalTimeout"] = "00:01:30",
        });

        var refused = Record.Exception(() => bot.Server);

        Assert.NotNull(refused);
        Assert.Contains("Inbox:ClaimLease must be at least Line:TotalTimeout plus 30 seconds", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ClaimLeaseOutlastingTheLineClientWithMargin_Starts()
    {
        await using var world = await TestWorld.StartAsync("Sqlite");
        var bot = world.CreateBot(new Dictionary<string, string?>
        {
            ["Inbox:ClaimLease"] = "00:02:00",
            ["Line:TotalTimeout"] = "00:01:30",
        });

        Assert.NotNull(bot.Server);
    }
}
