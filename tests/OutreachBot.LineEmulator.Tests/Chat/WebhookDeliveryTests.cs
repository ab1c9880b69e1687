using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OutreachBot.Line.Webhooks;
using OutreachBot.LineEmulator.State;

namespace OutreachBot.LineEmulator.Tests.Chat;

/// <summary>Each citizen action reaches the bot as LINE would send it: shaped by webhook.yml, signed, over HTTP.</summary>
public sealed partial class WebhookDeliveryTests
{
    [Fact]
    public async Task Follow_NewCitizen_PostsSignedFollowEventMatchingWebhookSchema()
    {
        await using var host = await ChatHost.StartAsync();
        var userId = await host.CreateCitizenAsync();

        var line = await host.PostAsync($"/_emulator/chat/citizens/{userId}/follow");

        var webhook = host.Bot.Last;
        Assert.Equal(SignatureCheck.Valid, webhook.Signature);
        Assert.Equal("application/json; charset=utf-8", webhook.ContentType);
        Assert.Empty(WebhookSchema.Instance.Check(webhook.Root));
        Assert.Equal(ChatHost.Destination, webhook.Root.GetProperty("destination").GetString());
        var e = webhook.Event;
        Assert.Equal("follow", e.GetProperty("type").GetString());
        Assert.Equal("active", e.GetProperty("mode").GetString());
        Assert.False(e.GetProperty("follow").GetProperty("isUnblocked").GetBoolean());
        Assert.Equal("user", e.GetProperty("source").GetProperty("type").GetString());
        Assert.Equal(userId, e.GetProperty("source").GetProperty("userId").GetString());
        Assert.False(e.GetProperty("deliveryContext").GetProperty("isRedelivery").GetBoolean());
        Assert.Matches(UlidPattern(), e.GetProperty("webhookEventId").GetString());
        var sent = DateTimeOffset.FromUnixTimeMilliseconds(e.GetProperty("timestamp").GetInt64());
        Assert.InRange(sent, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        AssertRedeemable(host, e, userId);

        Assert.Equal("citizen", line.GetProperty("speaker").GetString());
        Assert.Equal("delivered", line.GetProperty("delivery").GetProperty("state").GetString());
        Assert.Equal(200, line.GetProperty("delivery").GetProperty("status").GetInt32());
        var citizen = await host.GetAsync($"/_emulator/chat/citizens/{userId}");
        Assert.True(citizen.GetProperty("following").GetBoolean());
    }

    [Fact]
    public async Task Follow_AfterUnfollow_SetsIsUnblocked()
    {
        await using var host = await ChatHost.StartAsync();
        var userId = await host.CreateCitizenAsync();
        await host.PostAsync($"/_emulator/chat/citizens/{userId}/follow");
        await host.PostAsync($"/_emulator/chat/citizens/{userId}/unfollow");

        await host.PostAsync($"/_emulator/chat/citizens/{userId}/follow");

        var e = host.Bot.Last.Event;
        Assert.Equal("follow", e.GetProperty("type").GetString());
        Assert.True(e.GetProperty("follow").GetProperty("isUnblocked").GetBoolean());
        Assert.Empty(WebhookSchema.Instance.Check(host.Bot.Last.Root));
        var citizen = await host.GetAsync($"/_emulator/chat/citizens/{userId}");
        Assert.True(citizen.GetProperty("following").GetBoolean());
        Assert.False(citizen.GetProperty("blocked").GetBoolean());
    }

    [Fact]
    public async Task Unfollow_FollowingCitizen_PostsUnfollowWithoutReplyTokenAndBlocks()
    {
        await using var host = await ChatHost.StartAsync();
        var userId = await host.CreateCitizenAsync();
        await host.PostAsync($"/_emulator/chat/citizens/{userId}/follow");

        await host.PostAsync($"/_emulator/chat/citizens/{userId}/unfollow");

        var webhook = host.Bot.Last;
        Assert.Equal(SignatureCheck.Valid, webhook.Signature);
        Assert.Empty(WebhookSchema.Instance.Check(webhook.Root));
        Assert.Equal("unfollow", webhook.Event.GetProperty("type").GetString());
        Assert.False(webhook.Event.TryGetProperty("replyToken", out _));
        var citizen = await host.GetAsync($"/_emulator/chat/citizens/{userId}");
        Assert.False(citizen.GetProperty("following").GetBoolean());
        Assert.True(citizen.GetProperty("blocked").GetBoolean());
    }

    [Fact]
    public async Task SendText_JapaneseAndEmoji_ArrivesAsRawUtf8SignedOverTheBytes()
    {
        await using var host = await ChatHost.StartAsync();
        var userId = await host.CreateCitizenAsync();
        const string text = "こんにちは、イベントの予定を教えて 😀🎉\n<b>\"quoted\"</b> \\ tab\t";

        await host.PostAsync($"/_emulator/chat/citizens/{userId}/messages", new { type = "text", text });

        var webhook = host.Bot.Last;
        Assert.Equal(SignatureCheck.Valid, webhook.Signature);
        Assert.Contains("😀🎉", Encoding.UTF8.GetString(webhook.Body), StringComparison.Ordinal);
        Assert.Empty(WebhookSchema.Instance.Check(webhook.Root));
        var message = webhook.Event.GetProperty("message");
        Assert.Equal("text", message.GetProperty("type").GetString());
        Assert.Equal(text, message.GetProperty("text").GetString());
        Assert.Matches("^[0-9]{15,20}$", message.GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(message.GetProperty("quoteToken").GetString()));
        AssertRedeemable(host, webhook.Event, userId);
    }

    [Fact]
    public async Task SendText_TwoMessages_GetDistinctIdsAndReplyTokens()
    {
        await using var host = await ChatHost.StartAsync();
        var userId = await host.CreateCitizenAsync();

        await host.PostAsync($"/_emulator/chat/citizens/{userId}/messages", new { text = "一" });
        await host.PostAsync($"/_emulator/chat/citizens/{userId}/messages", new { text = "二" });

        var (first, second) = (host.Bot.Received[0].Event, host.Bot.Received[1].Event);
        Assert.NotEqual(first.GetProperty("webhookEventId").GetString(), second.GetProperty("webhookEventId").GetString());
        Assert.NotEqual(first.GetProperty("replyToken").GetString(), second.GetProperty("replyToken").GetString());
        Assert.True(
            long.Parse(first.GetProperty("message").GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            < long.Parse(second.GetProperty("message").GetProperty("id").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task SendText_AtTheLengthLimit_IsDeliveredWholeAndOneMoreIsRefused()
    {
        await using var host = await ChatHost.StartAsync();
        var userId = await host.CreateCitizenAsync();
        var longest = string.Concat(Enumerable.Repeat("市民活動", 2_500));

        await host.PostAsync($"/_emulator/chat/citizens/{userId}/messages", new { text = longest });
        using var tooLong = await host.SendAsync($"/_emulator/chat/citizens/{userId}/messages", new { text = longest + "!" });

        Assert.Equal(longest, host.Bot.Last.Event.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Single(host.Bot.Received);
    }

    [Fact]
    public async Task SendSticker_Default_PostsStickerMessageMatchingWebhookSchema()
    {
        await using var host = await ChatHost.StartAsync();
        var userId = await host.CreateCitizenAsync();

        await host.PostAsync($"/_emulator/chat/citizens/{userId}/messages", new { type = "sticker" });

        Assert.Empty(WebhookSchema.Instance.Check(host.Bot.Last.Root));
        var message = host.Bot.Last.Event.GetProperty("message");
        Assert.Equal("sticker", message.GetProperty("type").GetString());
        Assert.Equal("446", message.GetProperty("packageId").GetString());
        Assert.Equal("STATIC", message.GetProperty("stickerResourceType").GetString());
    }

    [Fact]
    public async Task SendLocation_WithCoordinates_PostsLocationMessageMatchingWebhookSchema()
    {
        await using var host = await ChatHost.StartAsync();
        var userId = await host.CreateCitizenAsync();

        await host.PostAsync($"/_emulator/chat/citizens/{userId}/messages",
            new { type = "location", title = "市役所", address = "東京都新宿区西新宿2-8-1", latitude = 35.6895, longitude = 139.6917 });

        Assert.Empty(WebhookSchema.Instance.Check(host.Bot.Last.Root));
        var message = host.Bot.Last.Event.GetProperty("message");
        Assert.Equal("市役所", message.GetProperty("title").GetString());
        Assert.Equal(35.6895, message.GetProperty("latitude").GetDouble());
        Assert.Equal(139.6917, message.GetProperty("longitude").GetDouble());
    }

    [Fact]
    public async Task Postback_WithDatetimeParams_PostsPostbackEventWithoutDisplayText()
    {
        await using var host = await ChatHost.StartAsync();
        var userId = await host.CreateCitizenAsync();

        var line = await host.PostAsync($"/_emulator/chat/citizens/{userId}/postback", new
        {
            data = "action=remind&event=42",
            @params = new Dictionary<string, string> { ["datetime"] = "2025-04-01T10:00" },
            displayText = "リマインドを設定",
        });

        var webhook = host.Bot.Last;
        Assert.Equal(SignatureCheck.Valid, webhook.Signature);
        Assert.Empty(WebhookSchema.Instance.Check(webhook.Root));
        var postback = webhook.Event.GetProperty("postback");
        Assert.Equal("action=remind&event=42", postback.GetProperty("data").GetString());
        Assert.Equal("2025-04-01T10:00", postback.GetProperty("params").GetProperty("datetime").GetString());
        Assert.DoesNotContain("リマインドを設定", Encoding.UTF8.GetString(webhook.Body), StringComparison.Ordinal);
        Assert.Equal("リマインドを設定", line.GetProperty("displayText").GetString());
        AssertRedeemable(host, webhook.Event, userId);
    }

    [Fact]
    public async Task Postback_UnknownParam_Returns400AndSendsNothing()
    {
        await using var host = await ChatHost.StartAsync();
        var userId = await host.CreateCitizenAsync();

        using var response = await host.SendAsync($"/_emulator/chat/citizens/{userId}/postback",
            new { data = "x", @params = new Dictionary<string, string> { ["color"] = "red" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Bot.Received);
    }

    private static void AssertRedeemable(ChatHost host, JsonElement e, string userId)
    {
        var redemption = host.ReplyTokens.Redeem(e.GetProperty("replyToken").GetString()!);
        Assert.Equal(ReplyTokenStatus.Valid, redemption.Status);
        Assert.Equal(userId, redemption.UserId);
    }

    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{26}$")]
    private static partial Regex UlidPattern();
}
