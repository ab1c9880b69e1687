using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OutreachBot.LineEmulator.Chat;
using OutreachBot.LineEmulator.State;

namespace OutreachBot.LineEmulator.Tests.Chat;

/// <summary>
/// The chat as the emulator hosts it, on real Kestrel, with the shared state registered as the host does,
/// delivering to a <see cref="FakeBot"/>. One per test: no test sees another's citizens.
/// </summary>
public sealed class ChatHost : IAsyncDisposable
{
    public const string ChannelSecret = "emulator-chat-test-secret";
    public const string Destination = "Uab012345678901234567890123456789";

    private ChatHost(WebApplication app, FakeBot bot, HttpClient client)
    {
        App = app;
        Bot = bot;
        Client = client;
    }

    public WebApplication App { get; }

    public FakeBot Bot { get; }

    /// <summary>Talks to the emulator, with its base address set.</summary>
    public HttpClient Client { get; }

    public ReplyTokenBook ReplyTokens => App.Services.GetRequiredService<ReplyTokenBook>();

    public ChatTranscript Transcript => App.Services.GetRequiredService<ChatTranscript>();

    public static async Task<ChatHost> StartAsync(string? botChannelSecret = null)
    {
        var bot = await FakeBot.StartAsync(botChannelSecret ?? ChannelSecret);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new ReplyTokenBook(sp.GetRequiredService<TimeProvider>(), TimeSpan.FromMinutes(1)));
        builder.Services.AddSingleton<EmulatedUsers>();
        builder.Services.AddSingleton<ChatTranscript>();
        builder.Services.AddLineEmulatorChat(o =>
        {
            o.BotWebhookUrl = bot.WebhookUrl;
            o.ChannelSecret = ChannelSecret;
            o.Destination = Destination;
        });
        var app = builder.Build();
        app.MapLineEmulatorChat();
        await app.StartAsync();
        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
        return new ChatHost(app, bot, client);
    }

    public async Task<string> CreateCitizenAsync(string displayName = "山田 花子", string language = "ja")
    {
        var citizen = await PostAsync("/_emulator/chat/citizens", new { displayName, language });
        return citizen.GetProperty("userId").GetString()!;
    }

    /// <summary>POSTs to the control API, expects 2xx, returns the JSON answer.</summary>
    public async Task<JsonElement> PostAsync(string path, object? body = null)
    {
        using var response = await SendAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public Task<HttpResponseMessage> SendAsync(string path, object? body = null) =>
        Client.PostAsync(path, body is null ? null : JsonContent.Create(body));

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Bot.DisposeAsync();
    }
}
