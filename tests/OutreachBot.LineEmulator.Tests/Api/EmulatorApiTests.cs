using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OutreachBot.Line.Messaging;
using OutreachBot.LineEmulator.State;

namespace OutreachBot.LineEmulator.Tests.Api;

/// <summary>The emulator's answers to raw HTTP, where the client would not let a mistake through.</summary>
public sealed class EmulatorApiTests
{
    private static async Task<LineErrorResponse> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync(LineJsonContext.Default.LineErrorResponse))!;

    [Fact]
    public async Task Request_NoOrWrongBearerToken_Answers401InLineShape()
    {
        await using var host = await ApiHost.StartAsync();
        host.Http.DefaultRequestHeaders.Authorization = null;

        using var missing = await host.Http.GetAsync(new Uri("v2/bot/message/quota", UriKind.Relative));
        host.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        using var wrong = await host.Http.GetAsync(new Uri("v2/bot/message/quota", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.StartsWith("Authorization header required", (await ErrorOf(missing)).Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.True(wrong.Headers.Contains(LineHeaders.RequestId));
    }

    [Fact]
    public async Task EveryAnswer_CarriesAFreshRequestId()
    {
        await using var host = await ApiHost.StartAsync();

        using var first = await host.Http.GetAsync(new Uri("v2/bot/message/quota", UriKind.Relative));
        using var second = await host.Http.GetAsync(new Uri("v2/bot/nothing/here", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.NotEqual(first.Headers.GetValues(LineHeaders.RequestId).Single(), second.Headers.GetValues(LineHeaders.RequestId).Single());
    }

    [Fact]
    public async Task Reply_WithRetryKey_Answers400AndDeliversNothing()
    {
        await using var host = await ApiHost.StartAsync();
        var token = host.Line.ReplyTokens.Issue("Ualice");

        using var response = await host.PostAsync("v2/bot/message/reply", $$"""{"replyToken":"{{token}}","messages":[{"type":"text","text":"x"}]}""", Guid.NewGuid());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("X-Line-Retry-Key", (await ErrorOf(response)).Message, StringComparison.Ordinal);
        Assert.Empty(host.Line.Journal.Deliveries);
    }

    [Fact]
    public async Task Push_RepeatedRetryKey_Answers409WithFirstRequestIdUntil24HoursPass()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-04-01T00:00:00Z", CultureInfo.InvariantCulture));
        await using var host = await ApiHost.StartAsync(time: time);
        var key = Guid.NewGuid();

        using var first = await host.PostAsync("v2/bot/message/push", ApiHost.Push, key);
        time.Advance(TimeSpan.FromHours(23));
        using var repeat = await host.PostAsync("v2/bot/message/push", ApiHost.Push, key);
        time.Advance(TimeSpan.FromHours(2));
        using var afterADay = await host.PostAsync("v2/bot/message/push", ApiHost.Push, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, repeat.StatusCode);
        Assert.Equal(first.Headers.GetValues(LineHeaders.RequestId).Single(), repeat.Headers.GetValues(LineHeaders.AcceptedRequestId).Single());
        Assert.Equal(HttpStatusCode.OK, afterADay.StatusCode);
        Assert.Equal(2, host.Line.Journal.Deliveries.Count);
    }

    [Fact]
    public async Task Push_FailedFirstTry_LeavesTheRetryKeyFreeForTheRetry()
    {
        await using var host = await ApiHost.StartAsync();
        var key = Guid.NewGuid();

        using var invalid = await host.PostAsync("v2/bot/message/push", """{"to":"Ualice","messages":[]}""", key);
        using var valid = await host.PostAsync("v2/bot/message/push", ApiHost.Push, key);

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
    }

    [Fact]
    public async Task Push_RetryKeyNotAUuid_Answers400()
    {
        await using var host = await ApiHost.StartAsync();

        using var response = await host.PostAsync("v2/bot/message/push", ApiHost.Push, "not-a-uuid");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Push_BodyOver2MB_Answers413()
    {
        await using var host = await ApiHost.StartAsync();
        var big = $$"""{"to":"Ualice","messages":[{"type":"text","text":"{{new string('x', LineLimits.RequestBodyBytes)}}"}]}""";

        using var response = await host.PostAsync("v2/bot/message/push", big);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Push_InvalidJson_Answers400()
    {
        await using var host = await ApiHost.StartAsync();

        using var response = await host.PostAsync("v2/bot/message/push", "{not json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Line.Journal.Deliveries);
    }

    [Fact]
    public async Task Multicast_ToFollowers_EachOfTheirChatsShowsTheMessagesInOrderAndTheJournalOneDeliveryEach()
    {
        await using var host = await ApiHost.StartAsync();
        host.Line.AddFollower("Ubob");
        host.Line.AddFollower("Ucarol");
        host.Line.Transcript.Add("Ubob", ChatSpeaker.Bot, "push", JsonDocument.Parse("""{"type":"text","text":"before"}""").RootElement);

        using var sent = await host.PostAsync(
            "v2/bot/message/multicast", """{"to":["Ualice","Ubob","Ualice","Ustranger"],"messages":[{"type":"text","text":"one"},{"type":"text","text":"two"}]}""");

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(["one", "two"], host.Line.Transcript.For("Ualice").Select(l => l.Content.GetProperty("text").GetString()));
        Assert.Equal(["before", "one", "two"], host.Line.Transcript.For("Ubob").Select(l => l.Content.GetProperty("text").GetString()));
        Assert.Equal(["two"], host.Line.Transcript.For("Ubob", host.Line.Transcript.For("Ubob")[1].Sequence).Select(l => l.Content.GetProperty("text").GetString()));
        Assert.Empty(host.Line.Transcript.For("Ucarol"));
        Assert.Equal(["Ualice", "Ubob"], host.Line.Journal.Deliveries.Select(d => d.Recipient).Order());
        Assert.Equal(2, host.Line.Journal.DeliveryCount);
    }

    [Fact]
    public async Task Multicast_OverRateLimitWhenEnforced_Answers429()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-04-01T00:00:00Z", CultureInfo.InvariantCulture));
        await using var host = await ApiHost.StartAsync(o => o.EnforceRateLimits = true, time);
        var body = """{"to":["Ualice"],"messages":[{"type":"text","text":"x"}]}""";

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 201; i++)
        {
            using var response = await host.PostAsync("v2/bot/message/multicast", body);
            statuses.Add(response.StatusCode);
        }

        time.Advance(TimeSpan.FromSeconds(1));
        using var nextSecond = await host.PostAsync("v2/bot/message/multicast", body);

        Assert.Equal(200, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.OK, nextSecond.StatusCode);
    }

    [Fact]
    public async Task Multicast_RateWhenEnforced_CountedOverTheSecondBeforeEachArrivalNotFromWholeSeconds()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-04-01T00:00:00.600Z", CultureInfo.InvariantCulture));
        await using var host = await ApiHost.StartAsync(o => o.EnforceRateLimits = true, time);
        var body = """{"to":["Ualice"],"messages":[{"type":"text","text":"x"}]}""";
        for (var i = 0; i < 200; i++)
        {
            using var accepted = await host.PostAsync("v2/bot/message/multicast", body);
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        time.Advance(TimeSpan.FromMilliseconds(500));
        using var nextWholeSecond = await host.PostAsync("v2/bot/message/multicast", body);
        time.Advance(TimeSpan.FromMilliseconds(500));
        using var aSecondLater = await host.PostAsync("v2/bot/message/multicast", body);

        Assert.Equal(HttpStatusCode.TooManyRequests, nextWholeSecond.StatusCode);
        Assert.Equal(HttpStatusCode.OK, aSecondLater.StatusCode);
    }

    [Fact]
    public async Task Push_OverMonthlyQuota_Answers429AndDeliversNothing()
    {
        await using var host = await ApiHost.StartAsync(o => o.MonthlyQuota = 1);

        using var first = await host.PostAsync("v2/bot/message/push", ApiHost.Push);
        using var second = await host.PostAsync("v2/bot/message/push", ApiHost.Push);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Single(host.Line.Journal.Deliveries);
    }
}
