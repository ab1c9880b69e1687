using System.Net;
using System.Text.Json.Nodes;
using OutreachBot.Line.Webhooks;
using OutreachBot.LineEmulator.State;

namespace OutreachBot.LineEmulator.Tests.Chat;

/// <summary>A failed webhook can be sent again the way LINE redelivers: same event, same token, marked as a redelivery.</summary>
public sealed class RedeliveryTests
{
    [Fact]
    public async Task Redeliver_AfterBot500_KeepsIdAndReplyTokenAndSetsIsRedelivery()
    {
        await using var host = await ChatHost.StartAsync();
        var userId = await host.CreateCitizenAsync();
        host.Bot.AnswerStatus = 500;
        var failed = await host.PostAsync($"/_emulator/chat/citizens/{userId}/messages", new { text = "相談したいです" });
        host.Bot.AnswerStatus = 200;

        var line = await host.PostAsync($"/_emulator/chat/citizens/{userId}/redeliver");

        Assert.Equal("failed", failed.GetProperty("delivery").GetProperty("state").GetString());
        var delivery = line.GetProperty("delivery");
        Assert.Equal("delivered", delivery.GetProperty("state").GetString());
        Assert.Equal(2, delivery.GetProperty("attempts").GetInt32());
        Assert.True(delivery.GetProperty("redelivered").GetBoolean());
        Assert.Equal(failed.GetProperty("sequence").GetInt64(), line.GetProperty("sequence").GetInt64());

        Assert.Equal(2, host.Bot.Received.Count);
        var (first, again) = (host.Bot.Received[0], host.Bot.Received[1]);
        Assert.Equal(SignatureCheck.Valid, again.Signature);
        Assert.Empty(WebhookSchema.Instance.Check(again.Root));
        Assert.True(again.Event.GetProperty("deliveryContext").GetProperty("isRedelivery").GetBoolean());
        Assert.Equal(first.Event.GetProperty("webhookEventId").GetString(), again.Event.GetProperty("webhookEventId").GetString());
        Assert.Equal(first.Event.GetProperty("replyToken").GetString(), again.Event.GetProperty("replyToken").GetString());
        Assert.True(JsonNode.DeepEquals(WithoutDeliveryContext(first), WithoutDeliveryContext(again)));
        Assert.Equal(ReplyTokenStatus.Valid, host.ReplyTokens.Redeem(again.Event.GetProperty("replyToken").GetString()!).Status);
    }

    [Fact]
    public async Task Redeliver_ByEventId_SendsThatEventAgain()
    {
        await using var host = await ChatHost.StartAsync();
        var userId = await host.CreateCitizenAsync();
        var first = await host.PostAsync($"/_emulator/chat/citizens/{userId}/messages", new { text = "一つ目" });
        await host.PostAsync($"/_emulator/chat/citizens/{userId}/messages", new { text = "二つ目" });
        var id = first.GetProperty("delivery").GetProperty("webhookEventId").GetString();

        await host.PostAsync($"/_emulator/chat/citizens/{userId}/redeliver", new { webhookEventId = id });

        Assert.Equal(id, host.Bot.Last.Event.GetProperty("webhookEventId").GetString());
        Assert.Equal("一つ目", host.Bot.Last.Event.GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Redeliver_NothingSentYet_Returns404()
    {
        await using var host = await ChatHost.StartAsync();
        var userId = await host.CreateCitizenAsync();

        using var response = await host.SendAsync($"/_emulator/chat/citizens/{userId}/redeliver");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(host.Bot.Received);
    }

    [Fact]
    public async Task Redeliver_AnotherCitizensEvent_Returns404()
    {
        await using var host = await ChatHost.StartAsync();
        var alice = await host.CreateCitizenAsync("Alice", "en");
        var bao = await host.CreateCitizenAsync("Bảo", "vi");
        var line = await host.PostAsync($"/_emulator/chat/citizens/{alice}/messages", new { text = "hi" });

        using var response = await host.SendAsync($"/_emulator/chat/citizens/{bao}/redeliver",
            new { webhookEventId = line.GetProperty("delivery").GetProperty("webhookEventId").GetString() });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Single(host.Bot.Received);
    }

    private static JsonObject WithoutDeliveryContext(ReceivedWebhook webhook)
    {
        var e = JsonNode.Parse(webhook.Event.GetRawText())!.AsObject();
        e.Remove("deliveryContext");
        return e;
    }
}
