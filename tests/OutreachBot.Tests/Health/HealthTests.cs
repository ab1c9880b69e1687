using System.Net;
using System.Text.Json.Nodes;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Health;

public sealed class HealthTests() : BotHost("Sqlite")
{
    [Fact]
    public async Task Healthz_Running_Answers200()
    {
        using var client = Bot.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Readyz_DatabaseReachable_Answers200()
    {
        using var client = Bot.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task Readyz_DatabaseGone_Answers503()
    {
        using var client = Bot.CreateClient();
        await client.GetAsync("/healthz");

        await Database.ExecuteAsync("DROP TABLE schema_migrations");
        var response = await client.GetAsync("/readyz");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(["database"], body["failing"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public async Task Readyz_AllRunning_JsonBodyReportsTheSchedulerAndTheFanout()
    {
        using var client = Bot.CreateClient();
        await client.GetAsync("/healthz");

        var body = JsonNode.Parse(await client.GetStringAsync("/readyz"))!;

        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
        Assert.Equal("Healthy", body["checks"]!["scheduler"]!["status"]!.GetValue<string>());
        Assert.Equal("Healthy", body["checks"]!["fanout"]!["status"]!.GetValue<string>());
        Assert.Empty(body["failing"]!.AsArray());
    }

    [Fact]
    public async Task OpenApiDocument_Anonymous_IsServed()
    {
        using var client = Bot.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/inbox/parked", document, StringComparison.Ordinal);
    }
}
