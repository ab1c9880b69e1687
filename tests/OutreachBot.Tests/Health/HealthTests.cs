using System.Net;
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

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readyz")).StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_Anonymous_IsServed()
    {
        using var client = Bot.CreateClient();

        var document = await client.GetStringAsync("/openapi/v1.json");

        Assert.Contains("/api/v1/inbox/parked", document, StringComparison.Ordinal);
    }
}
