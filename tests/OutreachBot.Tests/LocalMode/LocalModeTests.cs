using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Tests.Infrastructure;
using OutreachBot.Webhook;

namespace OutreachBot.Tests.LocalMode;

/// <summary>With no channel secret, the bot hosts the LINE emulator and a person can act as a citizen in its chat.</summary>
public sealed class LocalModeTests : IAsyncLifetime
{
    private readonly RecordingHandler _handler = new();
    private readonly Uri _emulator = new($"http://127.0.0.1:{FreePort()}/");
    private TestWorld _world = null!;
    private TestDatabase _database = null!;
    private TestBot _bot = null!;

    public async Task InitializeAsync()
    {
        _world = await TestWorld.StartAsync("Sqlite");
        _database = _world.Database;
        _bot = _world.StartBotOnPort(
            new Dictionary<string, string?>
            {
                ["Line:ChannelSecret"] = "",
                ["Line:ChannelAccessToken"] = "",
                ["Line:ApiBaseUrl"] = null,
                ["Line:DataApiBaseUrl"] = null,
                ["LocalMode:EmulatorUrl"] = _emulator.ToString(),
            },
            s => s.AddSingleton<IInboxHandler>(_handler));
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Chat_CitizenFollowsAndWrites_TheBotReceivesSignedWebhooks()
    {
        using var chat = new HttpClient { BaseAddress = _emulator };
        const string userId = "U0123456789abcdef0123456789abcdef";
        (await chat.PostAsJsonAsync("/_emulator/chat/citizens", new { userId, displayName = "市民 太郎", language = "ja" })).EnsureSuccessStatusCode();

        var follow = await chat.PostAsJsonAsync($"/_emulator/chat/citizens/{userId}/follow", new { });
        var text = await chat.PostAsJsonAsync($"/_emulator/chat/citizens/{userId}/messages", new { type = "text", text = "こんにちは" });

        Assert.Equal(200, (await follow.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("delivery").GetProperty("status").GetInt32());
        Assert.Equal(200, (await text.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("delivery").GetProperty("status").GetInt32());
        await _handler.WaitForAsync(h => h.Count == 2);
        Assert.Equal(["follow", "message"], _handler.Handled.Select(e => e.Type));
    }

    [Fact]
    public async Task Console_FirstLocalStart_HasAnAdminWhoMustChooseTheirOwnPassword()
    {
        using var client = _bot.CreateClient();
        await client.GetAsync("/healthz");

        Assert.Equal(1L, await _database.ScalarAsync<long>("SELECT COUNT(*) FROM staff_accounts WHERE username = 'admin' AND role = 'admin' AND must_change_password"));
    }

    [Fact]
    public async Task Emulator_Root_LeadsToTheChatPage()
    {
        using var chat = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true }) { BaseAddress = _emulator };

        using var page = await chat.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("/chat", page.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
