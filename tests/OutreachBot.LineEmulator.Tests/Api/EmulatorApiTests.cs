using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OutreachBot.Line.Messaging;
using OutreachBot.LineEmulator.Api;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.LineEmulator.State;

namespace OutreachBot.LineEmulator.Tests.Api;

/// <summary>The emulator's answers to raw HTTP, where the client would not let a mistake through.</summary>
public sealed class EmulatorApiTests
{
    private const string Push = """{"to":"Ualice","messages":[{"type":"text","text":"hi"}]}""";

    private static async Task<(LineEmulatorServer Line, HttpClient Http)> StartAsync(
        Action<EmulatorOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new EmulatorOptions();
        configure?.Invoke(options);
        var line = await LineEmulatorServer.StartAsync(options, timeProvider: time);
        line.AddFollower("Ualice");
        var http = new HttpClient { BaseAddress = line.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", EmulatorOptions.DefaultChannelAccessToken);
        return (line, http);
    }

    private static HttpRequestMessage Post(string path, string json, Guid? retryKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (retryKey is { } key)
        {
            request.Headers.Add(LineHeaders.RetryKey, key.ToString());
        }

        return request;
    }

    private static async Task<LineErrorResponse> ErrorOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync(LineJsonContext.Default.LineErrorResponse))!;

    [Fact]
    public async Task Request_NoOrWrongBearerToken_Answers401InLineShape()
    {
        var (line, http) = await StartAsync();
        await using var _ = line;
        using var __ = http;
        http.DefaultRequestHeaders.Authorization = null;

        using var missing = await http.GetAsync(new Uri("v2/bot/message/quota", UriKind.Relative));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");
        using var wrong = await http.GetAsync(new Uri("v2/bot/message/quota", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.StartsWith("Authorization header required", (await ErrorOf(missing)).Message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.True(wrong.Headers.Contains(LineHeaders.RequestId));
    }

    [Fact]
    public async Task EveryAnswer_CarriesAFreshRequestId()
    {
        var (line, http) = await StartAsync();
        await using var _ = line;
        using var __ = http;

        using var first = await http.GetAsync(new Uri("v2/bot/message/quota", UriKind.Relative));
        using var second = await http.GetAsync(new Uri("v2/bot/nothing/here", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.NotEqual(first.Headers.GetValues(LineHeaders.RequestId).Single(), second.Headers.GetValues(LineHeaders.RequestId).Single());
    }

    [Fact]
    public async Task Reply_WithRetryKey_Answers400AndDeliversNothing()
    {
        var (line, http) = await StartAsync();
        await using var _ = line;
        using var __ = http;
        var token = line.ReplyTokens.Issue("Ualice");

        using var response = await http.SendAsync(Post("v2/bot/message/reply", $$"""{"replyToken":"{{token}}","messages":[{"type":"text","text":"x"}]}""", Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("X-Line-Retry-Key", (await ErrorOf(response)).Message, StringComparison.Ordinal);
        Assert.Empty(line.Journal.Deliveries);
    }

    [Fact]
    public async Task Push_RepeatedRetryKey_Answers409WithFirstRequestIdUntil24HoursPass()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-04-01T00:00:00Z", CultureInfo.InvariantCulture));
        var (line, http) = await StartAsync(time: time);
        await using var _ = line;
        using var __ = http;
        var key = Guid.NewGuid();

        using var first = await http.SendAsync(Post("v2/bot/message/push", Push, key));
        time.Advance(TimeSpan.FromHours(23));
        using var repeat = await http.SendAsync(Post("v2/bot/message/push", Push, key));
        time.Advance(TimeSpan.FromHours(2));
        using var afterADay = await http.SendAsync(Post("v2/bot/message/push", Push, key));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, repeat.StatusCode);
        Assert.Equal(first.Headers.GetValues(LineHeaders.RequestId).Single(), repeat.Headers.GetValues(LineHeaders.AcceptedRequestId).Single());
        Assert.Equal(HttpStatusCode.OK, afterADay.StatusCode);
        Assert.Equal(2, line.Journal.Deliveries.Count);
    }

    [Fact]
    public async Task Push_FailedFirstTry_LeavesTheRetryKeyFreeForTheRetry()
    {
        var (line, http) = await StartAsync();
        await using var _ = line;
        using var __ = http;
        var key = Guid.NewGuid();

        using var invalid = await http.SendAsync(Post("v2/bot/message/push", """{"to":"Ualice","messages":[]}""", key));
        using var valid = await http.SendAsync(Post("v2/bot/message/push", Push, key));

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
    }

    [Fact]
    public async Task Push_RetryKeyNotAUuid_Answers400()
    {
        var (line, http) = await StartAsync();
        await using var _ = line;
        using var __ = http;
        using var request = Post("v2/bot/message/push", Push);
        request.Headers.Add(LineHeaders.RetryKey, "not-a-uuid");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Push_BodyOver2MB_Answers413()
    {
        var (line, http) = await StartAsync();
        await using var _ = line;
        using var __ = http;
        var big = $$"""{"to":"Ualice","messages":[{"type":"text","text":"{{new string('x', LineLimits.RequestBodyBytes)}}"}]}""";

        using var response = await http.SendAsync(Post("v2/bot/message/push", big));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Push_InvalidJson_Answers400()
    {
        var (line, http) = await StartAsync();
        await using var _ = line;
        using var __ = http;

        using var response = await http.SendAsync(Post("v2/bot/message/push", "{not json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(line.Journal.Deliveries);
    }

    [Fact]
    public async Task Multicast_ToFollowers_EachOfTheirChatsShowsTheMessagesInOrderAndTheJournalOneDeliveryEach()
    {
        var (line, http) = await StartAsync();
        await using var _ = line;
        using var __ = http;
        line.AddFollower("Ubob");
        line.AddFollower("Ucarol");
        line.Transcript.Add("Ubob", ChatSpeaker.Bot, "push", JsonDocument.Parse("""{"type":"text","text":"before"}""").RootElement);

        using var sent = await http.SendAsync(Post(
            "v2/bot/message/multicast", """{"to":["Ualice","Ubob","Ualice","Ustranger"],"messages":[{"type":"text","text":"one"},{"type":"text","text":"two"}]}"""));

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(["one", "two"], line.Transcript.For("Ualice").Select(l => l.Content.GetProperty("text").GetString()));
        Assert.Equal(["before", "one", "two"], line.Transcript.For("Ubob").Select(l => l.Content.GetProperty("text").GetString()));
        Assert.Equal(["two"], line.Transcript.For("Ubob", line.Transcript.For("Ubob")[1].Sequence).Select(l => l.Content.GetProperty("text").GetString()));
        Assert.Empty(line.Transcript.For("Ucarol"));
        Assert.Equal(["Ualice", "Ubob"], line.Journal.Deliveries.Select(d => d.Recipient).Order());
        Assert.Equal(2, line.Journal.DeliveryCount);
    }

    [Fact]
    public async Task Multicast_OverRateLimitWhenEnforced_Answers429()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-04-01T00:00:00Z", CultureInfo.InvariantCulture));
        var (line, http) = await StartAsync(o => o.EnforceRateLimits = true, time);
        await using var _ = line;
        using var __ = http;
        var body = """{"to":["Ualice"],"messages":[{"type":"text","text":"x"}]}""";

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 201; i++)
        {
            using var response = await http.SendAsync(Post("v2/bot/message/multicast", body));
            statuses.Add(response.StatusCode);
        }

        time.Advance(TimeSpan.FromSeconds(1));
        using var nextSecond = await http.SendAsync(Post("v2/bot/message/multicast", body));

        Assert.Equal(200, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.Equal(HttpStatusCode.OK, nextSecond.StatusCode);
    }

    [Fact]
    public async Task Multicast_RateWhenEnforced_CountedOverTheSecondBeforeEachArrivalNotFromWholeSeconds()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2025-04-01T00:00:00.600Z", CultureInfo.InvariantCulture));
        var (line, http) = await StartAsync(o => o.EnforceRateLimits = true, time);
        await using var _ = line;
        using var __ = http;
        var body = """{"to":["Ualice"],"messages":[{"type":"text","text":"x"}]}""";
        for (var i = 0; i < 200; i++)
        {
            using var accepted = await http.SendAsync(Post("v2/bot/message/multicast", body));
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        time.Advance(TimeSpan.FromMilliseconds(500));
        using var nextWholeSecond = await http.SendAsync(Post("v2/bot/message/multicast", body));
        time.Advance(TimeSpan.FromMilliseconds(500));
        using var aSecondLater = await http.SendAsync(Post("v2/bot/message/multicast", body));

        Assert.Equal(HttpStatusCode.TooManyRequests, nextWholeSecond.StatusCode);
        Assert.Equal(HttpStatusCode.OK, aSecondLater.StatusCode);
    }

    [Fact]
    public async Task ControlApi_ReplyTokens_OneFreshTokenPerUserThatRepliesToThatUser()
    {
        var (line, http) = await StartAsync();
        await using var _ = line;
        using var __ = http;
        line.AddFollower("Ualice");
        line.AddFollower("Ubob");

        using var issued = await http.PostAsJsonAsync(new Uri("_emulator/reply-tokens", UriKind.Relative), new[] { "Ualice", "Ubob" });
        var tokens = (await issued.Content.ReadFromJsonAsync<string[]>())!;
        using var reply = await http.SendAsync(Post("v2/bot/message/reply", $$"""{"replyToken":"{{tokens[1]}}","messages":[{"type":"text","text":"hi"}]}"""));
        using var again = await http.SendAsync(Post("v2/bot/message/reply", $$"""{"replyToken":"{{tokens[1]}}","messages":[{"type":"text","text":"hi"}]}"""));
        using var refused = await http.PostAsJsonAsync(new Uri("_emulator/reply-tokens", UriKind.Relative), new[] { "" });

        Assert.Equal(2, tokens.Distinct().Count());
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal("Ubob", Assert.Single(line.Journal.Deliveries).Recipient);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task Push_OverMonthlyQuota_Answers429AndDeliversNothing()
    {
        var (line, http) = await StartAsync(o => o.MonthlyQuota = 1);
        await using var _ = line;
        using var __ = http;

        using var first = await http.SendAsync(Post("v2/bot/message/push", Push));
        using var second = await http.SendAsync(Post("v2/bot/message/push", Push));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Single(line.Journal.Deliveries);
    }

    [Fact]
    public async Task ControlApi_PutFaultsThenGetRequests_InjectsAndRecordsWithoutAuthorization()
    {
        var (line, http) = await StartAsync();
        await using var _ = line;
        using var __ = http;

        using var put = await http.PutAsJsonAsync(new Uri("_emulator/faults", UriKind.Relative), new FaultSettings { ServerError = 1, MaxFaults = 1 });
        using var failed = await http.SendAsync(Post("v2/bot/message/push", Push));
        using var recorded = await http.GetAsync(new Uri("_emulator/requests?path=/v2/bot/message/push", UriKind.Relative));
        var json = await recorded.Content.ReadAsStringAsync();
        using var cleared = await http.DeleteAsync(new Uri("_emulator/faults", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        using var document = JsonDocument.Parse(json);
        var entry = Assert.Single(document.RootElement.EnumerateArray());
        Assert.Equal(500, entry.GetProperty("status").GetInt32());
        Assert.Equal("500", entry.GetProperty("fault").GetString());
        Assert.DoesNotContain(EmulatorOptions.DefaultChannelAccessToken, json, StringComparison.Ordinal);
        Assert.Equal(0, line.Faults.Current.ServerError);
    }

    [Fact]
    public async Task ControlApi_FaultSharesOverOne_Answers400()
    {
        var (line, http) = await StartAsync();
        await using var _ = line;
        using var __ = http;

        using var put = await http.PutAsJsonAsync(new Uri("_emulator/faults", UriKind.Relative), new FaultSettings { ServerError = 0.8, TooManyRequests = 0.5 });

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
    }

    [Fact]
    public async Task ControlApi_PartialFaultJson_KeepsDefaultsForWhatIsMissing()
    {
        var (line, http) = await StartAsync();
        await using var _ = line;
        using var __ = http;

        using var put = await http.PutAsync(
            new Uri("_emulator/faults", UriKind.Relative), new StringContent("""{"tooManyRequests":1}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(1, line.Faults.Current.RetryAfterSeconds);
        Assert.Equal(2000, line.Faults.Current.SlowMilliseconds);
        Assert.Empty(line.Faults.Current.Paths);
    }
}
