namespace OutreachBot.LineEmulator.Tests.Chat;

/// <summary>What the bot answered is the caller's to see: a person must notice a wrong secret or a crashing bot.</summary>
public sealed class BotAnswerTests
{
    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(400)]
    public async Task Delivery_BotAnswersError_StatusIsReportedToCaller(int status)
    {
        await using var host = await ChatHost.StartAsync();
        var userId = await host.CreateCitizenAsync();
        host.Bot.AnswerStatus = status;

        var line = await host.PostAsync($"/_emulator/chat/citizens/{userId}/follow");

        var delivery = line.GetProperty("delivery");
        Assert.Equal("failed", delivery.GetProperty("state").GetString());
        Assert.Equal(status, delivery.GetProperty("status").GetInt32());
        var transcript = await host.GetAsync($"/_emulator/chat/citizens/{userId}/transcript");
        Assert.Equal(status, transcript.GetProperty("lines")[0].GetProperty("delivery").GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Delivery_BotHasAnotherChannelSecret_Bot401IsReported()
    {
        await using var host = await ChatHost.StartAsync(botChannelSecret: "the-secret-the-bot-was-given");
        var userId = await host.CreateCitizenAsync();

        var line = await host.PostAsync($"/_emulator/chat/citizens/{userId}/messages", new { text = "hello" });

        Assert.Equal(OutreachBot.Line.Webhooks.SignatureCheck.Mismatch, host.Bot.Last.Signature);
        Assert.Equal(401, line.GetProperty("delivery").GetProperty("status").GetInt32());
        Assert.Equal("failed", line.GetProperty("delivery").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Delivery_BotNotRunning_ErrorIsReportedWithoutStatus()
    {
        await using var host = await ChatHost.StartAsync();
        var userId = await host.CreateCitizenAsync();
        await host.Bot.DisposeAsync();

        var line = await host.PostAsync($"/_emulator/chat/citizens/{userId}/follow");

        var delivery = line.GetProperty("delivery");
        Assert.Equal("failed", delivery.GetProperty("state").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, delivery.GetProperty("status").ValueKind);
        Assert.Contains("could not be reached", delivery.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
