using System.Net;
using System.Net.Sockets;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.LocalMode;

/// <summary>No secret, no start, outside development: local mode and plain-http LINE URLs only where asked for.</summary>
public sealed class StartRulesTests : IAsyncLifetime
{
    private TestWorld _world = null!;

    public async Task InitializeAsync() => _world = await TestWorld.StartAsync("Sqlite");

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Start_ProductionWithoutChannel_FailsNamingTheMissingSettings()
    {
        await using var bot = Bot(new() { ["environment"] = "Production", ["Line:ChannelSecret"] = "", ["Line:ChannelAccessToken"] = "" });

        var failure = StartFailure(bot);

        Assert.Contains("Line:ChannelSecret is required", failure, StringComparison.Ordinal);
        Assert.Contains("Line:ChannelAccessToken is required", failure, StringComparison.Ordinal);
        Assert.Equal(0L, await _world.Database.ScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'staff_accounts'"));
    }

    [Fact]
    public async Task Start_ProductionWithoutChannelButLocalModeAsked_StartsLocalMode()
    {
        var emulator = new Uri($"http://127.0.0.1:{FreePort()}/");
        await using var bot = Bot(new()
        {
            ["environment"] = "Production",
            ["Bot:LocalMode"] = "true",
            ["Line:ChannelSecret"] = "",
            ["Line:ChannelAccessToken"] = "",
            ["Line:ApiBaseUrl"] = null,
            ["Line:DataApiBaseUrl"] = null,
            ["LocalMode:EmulatorUrl"] = emulator.ToString(),
        });
        using var client = bot.CreateClient();
        using var chat = new HttpClient { BaseAddress = emulator };

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chat.GetAsync("/chat")).StatusCode);
    }

    [Fact]
    public async Task Start_ProductionWithHttpLineUrls_FailsNamingEachSetting()
    {
        await using var bot = Bot(new() { ["environment"] = "Production" });

        var failure = StartFailure(bot);

        Assert.Contains("Line:ApiBaseUrl must be an https URL", failure, StringComparison.Ordinal);
        Assert.Contains("Line:DataApiBaseUrl must be an https URL", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ProductionWithHttpsLineUrls_Starts()
    {
        await using var bot = Bot(new()
        {
            ["environment"] = "Production", ["Line:ApiBaseUrl"] = "https://127.0.0.1:9", ["Line:DataApiBaseUrl"] = "https://127.0.0.1:9",
        });
        using var client = bot.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task Start_ProductionWithHttpLineUrlsAndLocalModeAsked_Starts()
    {
        await using var bot = Bot(new() { ["environment"] = "Production", ["Bot:LocalMode"] = "true" });
        using var client = bot.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    private TestBot Bot(Dictionary<string, string?> settings) => _world.CreateBot(settings, RecordingHandler.Register);

    /// <summary>Every message of the exception that stopped the start, inner and aggregated ones included.</summary>
    private static string StartFailure(TestBot bot)
    {
        var exception = Record.Exception(() => bot.CreateClient().Dispose());
        Assert.NotNull(exception);
        return exception.ToString();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
