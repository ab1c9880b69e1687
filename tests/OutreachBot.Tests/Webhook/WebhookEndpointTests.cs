using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Tests.Infrastructure;
using OutreachBot.Webhook;

namespace OutreachBot.Tests.Webhook;

public abstract class WebhookEndpointTests(string provider) : IAsyncLifetime
{
    private readonly RecordingHandler _handler = new();
    private TestWorld _world = null!;
    private TestDatabase _database = null!;
    private TestBot _bot = null!;

    public async Task InitializeAsync()
    {
        _world = await TestWorld.StartAsync(provider);
        _database = _world.Database;
        _bot = _world.CreateBot(services: s => s.AddSingleton<IInboxHandler>(_handler));
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [SkippableFact]
    public async Task Post_SignedBody_StoresEveryEventThenAnswers200()
    {
        var body = WebhookBodies.Body(WebhookBodies.TextEvent("Ua", "こんにちは"), WebhookBodies.TextEvent("Ub", "hello"));

        using var response = await _bot.PostWebhookAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, await _bot.CountInboxAsync());
    }

    [SkippableFact]
    public async Task Post_EmptyEvents_Answers200()
    {
        using var response = await _bot.PostWebhookAsync(WebhookBodies.Body());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await _bot.CountInboxAsync());
    }

    [SkippableFact]
    public async Task Get_Answers405NamingPost()
    {
        using var client = _bot.CreateClient();

        using var response = await client.GetAsync(WebhookEndpoint.Path);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
    }

    [SkippableFact]
    public async Task Post_MissingSignature_Answers401AndStoresNothing()
    {
        using var response = await _bot.PostWebhookAsync(Encoding.UTF8.GetBytes(WebhookBodies.Text("Ua", "hi")), signature: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await _bot.CountInboxAsync());
    }

    [SkippableFact]
    public async Task Post_BodyChangedAfterSigning_Answers401AndStoresNothing()
    {
        var body = WebhookBodies.Text("Ua", "hi");
        var signature = OutreachBot.Line.Webhooks.LineSignature.Compute(Encoding.UTF8.GetBytes(body), TestBot.ChannelSecret);

        using var response = await _bot.PostWebhookAsync(body.Replace("hi", "ho", StringComparison.Ordinal), signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await _bot.CountInboxAsync());
    }

    [SkippableFact]
    public async Task Post_SignedWithAnotherSecret_Answers401AndStoresNothing()
    {
        var body = WebhookBodies.Text("Ua", "hi");

        using var response = await _bot.PostWebhookAsync(body, OutreachBot.Line.Webhooks.LineSignature.Compute(Encoding.UTF8.GetBytes(body), "another-secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await _bot.CountInboxAsync());
    }

    [SkippableTheory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("""{"destination":"U1"}""")]
    [InlineData("""{"destination":"U1","events":[{"type":"message"}]}""")]
    [InlineData("""{"destination":"U1","events":[{"timestamp":1}]}""")]
    public async Task Post_SignedButNotAWebhook_Answers400AndStoresNothing(string body)
    {
        using var response = await _bot.PostWebhookAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("application/problem+json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await _bot.CountInboxAsync());
    }

    [SkippableTheory]
    [InlineData("""{"destination":"U1","events":[{"type":"message","timestamp":1,"webhookEventId":"\ud800","source":{"type":"user","userId":"Ua"}}]}""")]
    [InlineData("""{"destination":"U1","events":[{"type":"message","timestamp":1,"source":{"type":"user","userId":"U\ud800"}}]}""")]
    [InlineData("""{"destination":"U1","events":[{"type":"message","timestamp":1,"source":{"type":"user","userId":"Ua"},"message":{"type":"text","text":"\udc00a"}}]}""")]
    [InlineData("""{"destination":"\uD800","events":[]}""")]
    public async Task Post_SignedBodyWithLoneSurrogate_Answers400AndStoresNothing(string body)
    {
        using var response = await _bot.PostWebhookAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("application/problem+json", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await _bot.CountInboxAsync());
    }

    [SkippableFact]
    public async Task Post_PartlyValidEvents_Answers400AndStoresNoneOfThem()
    {
        var body = $$"""{"destination":"U1","events":[{{System.Text.Json.JsonSerializer.Serialize(WebhookBodies.TextEvent("Ua", "ok"))}},{"type":"message"}]}""";

        using var response = await _bot.PostWebhookAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _bot.CountInboxAsync());
    }

    [SkippableFact]
    public async Task Post_BodyOver1MiB_Answers413AndStoresNothing()
    {
        var body = WebhookBodies.Text("Ua", new string('a', LineWebhookOptions.MaxBodyBytes));

        using var response = await _bot.PostWebhookAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await _bot.CountInboxAsync());
    }

    [SkippableFact]
    public async Task Post_SameEventRedelivered_StoredAndHandledOnce()
    {
        var eventId = WebhookBodies.NewEventId();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        using var first = await _bot.PostWebhookAsync(WebhookBodies.Text("Ua", "hi", eventId, timestamp));
        using var again = await _bot.PostWebhookAsync(WebhookBodies.Text("Ua", "hi", eventId, timestamp, redelivery: true));
        using var later = await _bot.PostWebhookAsync(WebhookBodies.Text("Ua", "next"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await _handler.WaitForAsync(h => h.Count == 2);
        Assert.Equal(2, await _bot.CountInboxAsync());
        Assert.Single(_handler.Handled, e => e.WebhookEventId == eventId);
    }

    [SkippableFact]
    public async Task Post_WhenTheDatabaseRefusesTheWrite_Answers500AndLinesRedeliveryLaterSucceeds()
    {
        await _bot.PostWebhookAsync(WebhookBodies.Body());
        await Faults.BreakInboxWritesAsync(_database);
        var body = WebhookBodies.Text("Ua", "hi");

        using var refused = await _bot.PostWebhookAsync(body);
        Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
        Assert.Equal(0, await _bot.CountInboxAsync());

        await Faults.RepairInboxWritesAsync(_database);
        using var redelivered = await _bot.PostWebhookAsync(body);
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Equal(1, await _bot.CountInboxAsync());
    }

    [SkippableFact]
    public async Task Post_OneRefusedEventAmongManyAtOnce_OnlyItsRequestAnswers500()
    {
        await _bot.PostWebhookAsync(WebhookBodies.Body());
        await Faults.RefuseInboxEventsOfAsync(_database, "Upoison");

        var posts = Enumerable.Range(0, 200)
            .Select(i => _bot.PostWebhookAsync(WebhookBodies.Text(i == 100 ? "Upoison" : $"U{i}", "hi")))
            .ToList();
        var responses = await Task.WhenAll(posts);

        Assert.Equal(HttpStatusCode.InternalServerError, responses[100].StatusCode);
        Assert.All(responses.Where((_, i) => i != 100), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(199, await _bot.CountInboxAsync());
    }

    [SkippableFact]
    public async Task Post_ManyAtOnce_AllStoredWithFewerCommitsThanRequests()
    {
        await _bot.PostWebhookAsync(WebhookBodies.Body());
        var writer = _bot.Services.GetRequiredService<InboxWriter>();
        var commitsBefore = writer.Commits;

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => _bot.PostWebhookAsync(WebhookBodies.Text($"U{i}", "hi"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(200, await _bot.CountInboxAsync());
        Assert.InRange(writer.Commits - commitsBefore, 1, 199);
    }
}

public sealed class WebhookEndpointTestsOnSqlite() : WebhookEndpointTests("Sqlite");

public sealed class WebhookEndpointTestsOnPostgres() : WebhookEndpointTests("Postgres");
