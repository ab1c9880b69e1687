using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OutreachBot.Line.Webhooks;

namespace OutreachBot.LineEmulator.Chat;

/// <summary>POSTs one event to the bot as LINE does: <c>{"destination", "events": [..]}</c>, signed, over real HTTP.</summary>
public sealed partial class WebhookSender(
    IHttpClientFactory httpClients,
    IOptionsMonitor<ChatOptions> options,
    ILogger<WebhookSender> logger)
{
    public const string HttpClientName = "OutreachBot.LineEmulator.Chat.Webhook";
    private const int MaxErrorChars = 500;

    public async Task<DeliveryAttempt> SendAsync(JsonObject webhookEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        var settings = options.CurrentValue;
        if (settings.BotWebhookUrl is null)
        {
            return new DeliveryAttempt(null, "The bot's webhook URL is not set yet (Emulator:BotWebhookUrl); is the bot running?", TimeSpan.Zero);
        }

        var body = LineJson.ToUtf8(new JsonObject
        {
            ["destination"] = settings.Destination,
            ["events"] = new JsonArray(webhookEvent.DeepClone()),
        });

        using var request = new HttpRequestMessage(HttpMethod.Post, settings.BotWebhookUrl) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation("x-line-signature", LineSignature.Compute(body, settings.ChannelSecret));
        request.Headers.TryAddWithoutValidation("User-Agent", "LineBotWebhook/2.0");

        var type = (string?)webhookEvent["type"];
        var clock = Stopwatch.StartNew();
        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            var error = response.IsSuccessStatusCode ? null : await ReadStartAsync(response, cancellationToken);
            clock.Stop();
            if (!response.IsSuccessStatusCode)
            {
                LogRejected(type, status);
            }

            return new DeliveryAttempt(status, error, clock.Elapsed);
        }
        catch (HttpRequestException ex)
        {
            LogUnreachable(type, ex.Message);
            return new DeliveryAttempt(null, $"The bot could not be reached at {settings.BotWebhookUrl}: {ex.Message}", clock.Elapsed);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(type, "timeout");
            return new DeliveryAttempt(null, $"The bot did not answer within {settings.WebhookTimeout.TotalSeconds:0.#} s.", clock.Elapsed);
        }
    }

    /// <summary>The start of the bot's error answer helps a person see why (a wrong secret, a parse error) without flooding the page.</summary>
    private static async Task<string> ReadStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxErrorChars * 4];
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        var text = Encoding.UTF8.GetString(buffer, 0, read).Trim();
        return text.Length > MaxErrorChars ? text[..MaxErrorChars] + "…" : text;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bot answered {Status} to an emulated {EventType} webhook")]
    private partial void LogRejected(string? eventType, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An emulated {EventType} webhook could not be delivered: {Reason}")]
    private partial void LogUnreachable(string? eventType, string reason);
}
