using System.Text.Json;
using OutreachBot.LineEmulator.State;

namespace OutreachBot.LineEmulator.Chat;

/// <summary>One line of a chat as the control API and the page see it; <see cref="Content"/> is LINE's JSON, untouched.</summary>
public sealed record ChatLineView(
    long Sequence,
    string UserId,
    string Speaker,
    string Via,
    DateTimeOffset At,
    JsonElement Content,
    DeliveryView? Delivery,
    string? DisplayText);

/// <param name="State"><c>pending</c>, <c>delivered</c> (the bot answered 2xx) or <c>failed</c>.</param>
/// <param name="Status">The bot's HTTP status; null when it could not be reached.</param>
public sealed record DeliveryView(
    string WebhookEventId,
    long Sequence,
    string State,
    int? Status,
    string? Error,
    int Attempts,
    bool Redelivered,
    long ElapsedMs,
    bool Slow);

public sealed record TranscriptView(string UserId, IReadOnlyList<ChatLineView> Lines, long LastSequence);

public sealed record CitizenView(string UserId, string DisplayName, string Language, bool Following, bool Blocked, string? RichMenuId)
{
    public static CitizenView From(EmulatedUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.UserId, user.DisplayName, user.Language, user.Following, user.Blocked, user.RichMenuId);
    }
}

public sealed class ChatViews(ChatTranscript transcript, DeliveryLog deliveries)
{
    public ChatLineView Line(ChatLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var sent = line.Speaker == ChatSpeaker.Citizen && line.Content.ValueKind == JsonValueKind.Object
            && line.Content.TryGetProperty("webhookEventId", out var id) && id.ValueKind == JsonValueKind.String
                ? deliveries.Find(id.GetString()!)
                : null;
        return new ChatLineView(
            line.Sequence,
            line.UserId,
            line.Speaker == ChatSpeaker.Citizen ? "citizen" : "bot",
            line.Via,
            line.At,
            line.Content,
            sent is null ? null : Delivery(sent),
            sent?.DisplayText);
    }

    public TranscriptView Transcript(string userId, long after)
    {
        var lines = transcript.For(userId, after).Select(Line).ToList();
        return new TranscriptView(userId, lines, lines.Count == 0 ? after : lines[^1].Sequence);
    }

    public ChatLineView? LineOf(SentEvent sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var line = transcript.For(sent.UserId, sent.Sequence - 1).FirstOrDefault(l => l.Sequence == sent.Sequence);
        return line is null ? null : Line(line);
    }

    public static DeliveryView Delivery(SentEvent sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        return new DeliveryView(
            sent.WebhookEventId,
            sent.Sequence,
            sent.State switch
            {
                DeliveryState.Delivered => "delivered",
                DeliveryState.Failed => "failed",
                _ => "pending",
            },
            sent.LastAttempt?.Status,
            sent.LastAttempt?.Error,
            sent.Attempts,
            sent.Redelivered,
            (long)(sent.LastAttempt?.Elapsed.TotalMilliseconds ?? 0),
            sent.LastAttempt?.Slow ?? false);
    }
}
