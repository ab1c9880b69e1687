using System.Text.Json.Serialization;

namespace OutreachBot.Line.Webhooks;

/// <summary>A webhook request body (<c>CallbackRequest</c> in webhook.yml).</summary>
public sealed record WebhookPayload
{
    /// <summary>User ID of the bot that should receive the events (<c>U</c> and 32 hex digits).</summary>
    public required string Destination { get; init; }

    /// <summary>Empty when LINE only checks that the webhook URL answers (the console's "Verify").</summary>
    [JsonConverter(typeof(WebhookEventListConverter))]
    public required IReadOnlyList<WebhookEvent> Events { get; init; }
}
