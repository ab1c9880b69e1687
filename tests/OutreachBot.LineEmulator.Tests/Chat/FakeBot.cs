using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OutreachBot.Line.Webhooks;

namespace OutreachBot.LineEmulator.Tests.Chat;

/// <summary>A stand-in for the bot: records every webhook it gets, checks its signature, answers what the test says.</summary>
public sealed class FakeBot : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private int _disposed;

    private FakeBot(WebApplication app) => _app = app;

    /// <summary>The status the next webhooks get; a 401 always goes to a body whose signature does not match.</summary>
    public int AnswerStatus { get; set; } = StatusCodes.Status200OK;

    public Uri WebhookUrl { get; private set; } = null!;

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public ReceivedWebhook Last => _received.Last();

    public static async Task<FakeBot> StartAsync(string channelSecret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var bot = new FakeBot(app);
        app.MapPost("/webhook/line", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var check = LineSignature.Verify(body, request.Headers["x-line-signature"], channelSecret);
            bot._received.Enqueue(new ReceivedWebhook(body, check, request.ContentType, request.Headers.UserAgent.ToString()));
            return Results.StatusCode(check == SignatureCheck.Valid ? bot.AnswerStatus : StatusCodes.Status401Unauthorized);
        });
        await app.StartAsync();
        bot.WebhookUrl = new Uri(new Uri(app.Urls.First()), "/webhook/line");
        return bot;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record ReceivedWebhook(byte[] Body, SignatureCheck Signature, string? ContentType, string UserAgent)
{
    public JsonElement Root => JsonDocument.Parse(Body).RootElement;

    /// <summary>The chat sends one event per webhook.</summary>
    public JsonElement Event => Assert.Single(Root.GetProperty("events").EnumerateArray().ToList());
}
