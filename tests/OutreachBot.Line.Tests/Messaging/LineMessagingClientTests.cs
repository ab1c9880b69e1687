using System.Net;
using Microsoft.Extensions.Time.Testing;
using OutreachBot.Line.Messaging;
using OutreachBot.LineEmulator.State;

namespace OutreachBot.Line.Tests.Messaging;

/// <summary>Each client call against the emulator over real HTTP.</summary>
public sealed class LineMessagingClientTests
{
    private static readonly Message[] Hello = [TextMessage.Create("こんにちは")];

    [Fact]
    public async Task ReplyAsync_ValidToken_DeliversToThatUserAndReturnsSentMessages()
    {
        await using var host = await LineTestHost.StartAsync();
        var token = host.Line.ReplyTokens.Issue("Ualice");

        var result = await host.Client.ReplyAsync(token, [new TextMessage("a"), new StickerMessage("446", "1988")]);

        Assert.Equal(2, result.SentMessages.Count);
        Assert.NotNull(result.RequestId);
        Assert.Null(result.RetryKey);
        var lines = host.Line.Transcript.For("Ualice");
        Assert.Equal(["text", "sticker"], lines.Select(l => l.Content.GetProperty("type").GetString()));
        Assert.All(lines, l => Assert.Equal(ChatSpeaker.Bot, l.Speaker));
    }

    [Fact]
    public async Task ReplyAsync_TokenUsedTwice_SecondThrowsInvalidReplyToken()
    {
        await using var host = await LineTestHost.StartAsync();
        var token = host.Line.ReplyTokens.Issue("Ualice");
        await host.Client.ReplyAsync(token, Hello);

        var error = await Assert.ThrowsAsync<LineApiException>(() => host.Client.ReplyAsync(token, Hello));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("Invalid reply token", error.Message);
        Assert.False(error.IsTransient);
        Assert.NotNull(error.RequestId);
        Assert.Single(host.Line.Transcript.For("Ualice"));
    }

    [Fact]
    public async Task ReplyAsync_ExpiredToken_ThrowsInvalidReplyToken()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-04-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var host = await LineTestHost.StartAsync(time: time);
        var token = host.Line.ReplyTokens.Issue("Ualice");
        time.Advance(TimeSpan.FromMinutes(2));

        var error = await Assert.ThrowsAsync<LineApiException>(() => host.Client.ReplyAsync(token, Hello));

        Assert.Equal("Invalid reply token", error.Message);
    }

    [Fact]
    public async Task PushAsync_Follower_DeliversOnceUnderTheReturnedRetryKey()
    {
        await using var host = await LineTestHost.StartAsync();
        host.Line.AddFollower("Ualice");

        var result = await host.Client.PushAsync("Ualice", Hello);

        Assert.NotNull(result.RetryKey);
        Assert.False(result.AlreadyAccepted);
        Assert.Single(result.SentMessages);
        var request = Assert.Single(host.Line.Journal.For("/v2/bot/message/push"));
        Assert.Equal(result.RetryKey.Value.ToString("D"), request.RetryKey);
        Assert.Equal(result.RequestId, request.RequestId);
        var delivery = Assert.Single(host.Line.Journal.Deliveries);
        Assert.Equal(("Ualice", request.RetryKey), (delivery.Recipient, delivery.RetryKey));
    }

    [Fact]
    public async Task PushAsync_SameRetryKeyAgain_CountsAsAcceptedAndDeliversNothingMore()
    {
        await using var host = await LineTestHost.StartAsync();
        host.Line.AddFollower("Ualice");
        var key = Guid.NewGuid();

        var first = await host.Client.PushAsync("Ualice", Hello, key);
        var second = await host.Client.PushAsync("Ualice", Hello, key);

        Assert.False(first.AlreadyAccepted);
        Assert.True(second.AlreadyAccepted);
        Assert.Equal(first.RequestId, second.AcceptedRequestId);
        Assert.Equal(key, second.RetryKey);
        Assert.Single(host.Line.Journal.Deliveries);
        Assert.Equal([200, 409], host.Line.Journal.For("/v2/bot/message/push").Select(r => r.Status));
    }

    [Fact]
    public async Task PushAsync_BlockedOrNotFollowing_Answers200AndDeliversNothing()
    {
        await using var host = await LineTestHost.StartAsync();
        host.Line.Users.Update(host.Line.AddFollower("Ublocked") with { Blocked = true });
        host.Line.Users.GetOrAdd("Ustranger");

        await host.Client.PushAsync("Ublocked", Hello);
        await host.Client.PushAsync("Ustranger", Hello);

        Assert.Empty(host.Line.Journal.Deliveries);
        Assert.Equal(0, (await host.Client.GetMessageQuotaConsumptionAsync()).Value.TotalUsage);
    }

    [Fact]
    public async Task MulticastAsync_MixedRecipients_DeliversToFollowersOnlyAndCountsThem()
    {
        await using var host = await LineTestHost.StartAsync();
        host.Line.AddFollower("U1");
        host.Line.AddFollower("U2");
        host.Line.Users.Update(host.Line.AddFollower("U3") with { Blocked = true });

        var result = await host.Client.MulticastAsync(["U1", "U2", "U3", "Unknown"], [new TextMessage("a"), new TextMessage("b")]);

        Assert.NotNull(result.RetryKey);
        Assert.Equal(["U1", "U2"], host.Line.Journal.Deliveries.Select(d => d.Recipient).Order());
        Assert.Equal(2, host.Line.Transcript.For("U1").Count);
        Assert.Equal(2, (await host.Client.GetMessageQuotaConsumptionAsync()).Value.TotalUsage);
    }

    [Fact]
    public async Task MulticastAsync_501Recipients_ThrowsBeforeSending()
    {
        await using var host = await LineTestHost.StartAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => host.Client.MulticastAsync([.. Enumerable.Range(0, 501).Select(i => $"U{i}")], Hello));

        Assert.Empty(host.Line.Journal.Requests);
    }

    [Fact]
    public async Task PushAsync_InvalidMessage_ThrowsPermanentWithLineMessageAndDetailsWithoutRetrying()
    {
        await using var host = await LineTestHost.StartAsync();
        host.Line.AddFollower("Ualice");

        var error = await Assert.ThrowsAsync<LineApiException>(
            () => host.Client.PushAsync("Ualice", [new TextMessage("ok"), new TextMessage(new string('x', 5001))]));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.False(error.IsTransient);
        Assert.Equal("The request body has 1 error(s)", error.Message);
        var detail = Assert.Single(error.Details);
        Assert.Equal("messages[1].text", detail.Property);
        Assert.Equal("Length must be between 0 and 5000", detail.Message);
        Assert.Single(host.Line.Journal.Requests);
        Assert.Empty(host.Line.Journal.Deliveries);
    }

    [Fact]
    public async Task AnyCall_WrongToken_ThrowsUnauthorized()
    {
        await using var host = await LineTestHost.StartAsync(client: o => o.ChannelAccessToken = "not-the-token");

        var error = await Assert.ThrowsAsync<LineApiException>(() => host.Client.GetMessageQuotaAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.False(error.IsTransient);
        Assert.StartsWith("Authentication failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetProfileAsync_KnownAndUnknownUser_ReturnsProfileOr404()
    {
        await using var host = await LineTestHost.StartAsync();
        host.Line.Users.GetOrAdd("Ualice", "Alice", "en");

        var profile = await host.Client.GetProfileAsync("Ualice");
        var missing = await Assert.ThrowsAsync<LineApiException>(() => host.Client.GetProfileAsync("Unobody"));

        Assert.Equal(new UserProfile("Alice", "Ualice") { Language = "en" }, profile.Value);
        Assert.NotNull(profile.RequestId);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task GetFollowerIdsAsync_FivefollowersByTwo_PagesThroughAllOnce()
    {
        await using var host = await LineTestHost.StartAsync();
        foreach (var id in new[] { "U5", "U1", "U4", "U2", "U3" })
        {
            host.Line.AddFollower(id);
        }

        host.Line.Users.GetOrAdd("Unotfollowing");

        var first = await host.Client.GetFollowerIdsAsync(limit: 2);
        var all = new List<string>();
        await foreach (var id in host.Client.GetAllFollowerIdsAsync(pageSize: 2))
        {
            all.Add(id);
        }

        Assert.Equal(["U1", "U2"], first.Value.UserIds);
        Assert.NotNull(first.Value.Next);
        Assert.Equal(["U1", "U2", "U3", "U4", "U5"], all);
    }

    [Fact]
    public async Task GetMessageQuotaAsync_DefaultAndUnlimited_ReturnLimitedOrNone()
    {
        await using var limited = await LineTestHost.StartAsync();
        await using var unlimited = await LineTestHost.StartAsync(emulator: o => o.MonthlyQuota = null);

        Assert.Equal(new MessageQuota(QuotaType.Limited, 5000), (await limited.Client.GetMessageQuotaAsync()).Value);
        Assert.Equal(new MessageQuota(QuotaType.None), (await unlimited.Client.GetMessageQuotaAsync()).Value);
    }

    [Fact]
    public async Task GetMessageQuotaConsumptionAsync_AfterReplyAndPush_CountsOnlyThePush()
    {
        await using var host = await LineTestHost.StartAsync();
        host.Line.AddFollower("Ualice");

        await host.Client.ReplyAsync(host.Line.ReplyTokens.Issue("Ualice"), Hello);
        await host.Client.PushAsync("Ualice", [new TextMessage("a"), new TextMessage("b")]);

        Assert.Equal(1, (await host.Client.GetMessageQuotaConsumptionAsync()).Value.TotalUsage);
    }

    [Fact]
    public async Task ShowLoadingAnimationAsync_FollowerAndBadSeconds_AcceptsOrThrowsBeforeSending()
    {
        await using var host = await LineTestHost.StartAsync();
        host.Line.AddFollower("Ualice");

        var shown = await host.Client.ShowLoadingAnimationAsync("Ualice", 10);

        Assert.NotNull(shown.RequestId);
        Assert.Equal(202, Assert.Single(host.Line.Journal.Requests).Status);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.Client.ShowLoadingAnimationAsync("Ualice", 7));
    }

    [Fact]
    public async Task MarkAsReadAsync_Token_Accepted()
    {
        await using var host = await LineTestHost.StartAsync();

        var marked = await host.Client.MarkAsReadAsync("nz0x74mZT2mRn");

        Assert.NotNull(marked.RequestId);
        Assert.Contains("markAsReadToken", Assert.Single(host.Line.Journal.Requests).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidateMessagesAsync_ValidAndInvalid_AcceptsOrThrows400()
    {
        await using var host = await LineTestHost.StartAsync();

        await host.Client.ValidateMessagesAsync(Hello, "multicast");
        var error = await Assert.ThrowsAsync<LineApiException>(
            () => host.Client.ValidateMessagesAsync([new FlexMessage(new string('a', 1501), SampleMessages.Bubble())]));

        Assert.Equal("messages[0].altText", Assert.Single(error.Details).Property);
    }
}
