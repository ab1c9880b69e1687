using System.Text.Json;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.LineEmulator.State;

namespace OutreachBot.Tests.Infrastructure;

/// <summary>
/// One citizen talking with the bot as LINE would carry it: each action is a signed webhook with a reply token the
/// emulator issued; it returns once the bot has handled the event, with what the bot sent meanwhile (from the emulator's
/// transcript, so replies and pushes alike, over real HTTP).
/// </summary>
public sealed class CitizenChat(ConversationHost host, string userId)
{
    private long _seen;

    private LineEmulatorServer Line => host.Line;

    public string UserId => userId;

    /// <summary>Every message the bot sent this citizen so far.</summary>
    public IReadOnlyList<ChatLine> All => Line.Transcript.For(userId);

    public Task<IReadOnlyList<ChatLine>> FollowAsync(bool unblocked = false) => SendAsync(new Dictionary<string, object?>
    {
        ["type"] = "follow",
        ["replyToken"] = Line.ReplyTokens.Issue(userId),
        ["follow"] = new { isUnblocked = unblocked },
    });

    /// <summary>Blocks the account: LINE stops delivering to the citizen, and tells the bot.</summary>
    public Task<IReadOnlyList<ChatLine>> UnfollowAsync()
    {
        Line.Users.Update(Line.Users.GetOrAdd(userId) with { Following = false, Blocked = true });
        return SendAsync(new Dictionary<string, object?> { ["type"] = "unfollow" });
    }

    /// <summary>Unblocks the account (LINE delivers again) and sends the follow event.</summary>
    public Task<IReadOnlyList<ChatLine>> FollowAgainAsync()
    {
        Line.Users.Update(Line.Users.GetOrAdd(userId) with { Following = true, Blocked = false });
        return FollowAsync(unblocked: true);
    }

    /// <param name="occurredAt">LINE's timestamp of the event; now when null.</param>
    public Task<IReadOnlyList<ChatLine>> SayAsync(string text, DateTimeOffset? occurredAt = null) => SendAsync(
        new Dictionary<string, object?>
        {
            ["type"] = "message",
            ["replyToken"] = Line.ReplyTokens.Issue(userId),
            ["message"] = new { id = MessageId(), type = "text", quoteToken = "q" + MessageId(), text },
        },
        occurredAt);

    public Task<IReadOnlyList<ChatLine>> SendStickerAsync() => SendAsync(new Dictionary<string, object?>
    {
        ["type"] = "message",
        ["replyToken"] = Line.ReplyTokens.Issue(userId),
        ["message"] = new { id = MessageId(), type = "sticker", packageId = "446", stickerId = "1988", stickerResourceType = "STATIC", quoteToken = "q" },
    });

    /// <summary>Shares a place, as LINE's location picker (the quick reply 「現在地を送る」) sends it.</summary>
    public Task<IReadOnlyList<ChatLine>> ShareLocationAsync(double latitude, double longitude) => SendAsync(new Dictionary<string, object?>
    {
        ["type"] = "message",
        ["replyToken"] = Line.ReplyTokens.Issue(userId),
        ["message"] = new { id = MessageId(), type = "location", title = "現在地", address = "東京都新宿区", latitude, longitude },
    });

    /// <summary>Taps a button whose postback data is <paramref name="data"/>.</summary>
    public Task<IReadOnlyList<ChatLine>> TapAsync(string data) => SendAsync(new Dictionary<string, object?>
    {
        ["type"] = "postback",
        ["replyToken"] = Line.ReplyTokens.Issue(userId),
        ["postback"] = new { data },
    });

    private async Task<IReadOnlyList<ChatLine>> SendAsync(Dictionary<string, object?> webhookEvent, DateTimeOffset? occurredAt = null)
    {
        var eventId = WebhookBodies.NewEventId();
        webhookEvent["mode"] = "active";
        webhookEvent["timestamp"] = (occurredAt ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds();
        webhookEvent["source"] = new { type = "user", userId };
        webhookEvent["webhookEventId"] = eventId;
        webhookEvent["deliveryContext"] = new { isRedelivery = false };
        using var response = await host.Bot.PostWebhookAsync(WebhookBodies.Body(webhookEvent));
        response.EnsureSuccessStatusCode();
        await WaitHandledAsync(eventId);
        var lines = Line.Transcript.For(userId, _seen);
        if (lines.Count > 0)
        {
            _seen = lines[^1].Sequence;
        }

        return lines;
    }

    private async Task WaitHandledAsync(string eventId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var state = await host.Database.ScalarAsync<string>($"SELECT state FROM inbox_events WHERE webhook_event_id = '{eventId}'");
            if (state is "done" or "skipped")
            {
                return;
            }

            if (state == "parked")
            {
                var error = await host.Database.ScalarAsync<string>($"SELECT last_error FROM inbox_events WHERE webhook_event_id = '{eventId}'");
                throw new InvalidOperationException($"The bot could not handle the event: {error}");
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    private static string MessageId() => Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Reading what the bot sent: texts, buttons, bubbles.</summary>
public static class Sent
{
    public static IReadOnlyList<string> Texts(IEnumerable<ChatLine> lines) =>
        [.. lines.Where(l => Type(l.Content) == "text").Select(l => l.Content.GetProperty("text").GetString()!)];

    public static string Text(IEnumerable<ChatLine> lines) => string.Join("\n", Texts(lines));

    public static string? Type(JsonElement message) => message.TryGetProperty("type", out var type) ? type.GetString() : null;

    /// <summary>Every postback action anywhere in the messages (quick replies, Flex buttons, templates): label and data.</summary>
    public static IReadOnlyList<(string Label, string Data)> Buttons(IEnumerable<ChatLine> lines)
    {
        var found = new List<(string, string)>();
        foreach (var line in lines)
        {
            Collect(line.Content, found);
        }

        return found;
    }

    public static string Button(IEnumerable<ChatLine> lines, string dataPrefix) =>
        Buttons(lines).Select(b => b.Data).FirstOrDefault(d => d.StartsWith(dataPrefix, StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"No button with data {dataPrefix}... in: {string.Join(", ", Buttons(lines).Select(b => b.Data))}");

    /// <summary>The bubbles of the Flex messages (a carousel's, or a lone bubble).</summary>
    public static IReadOnlyList<JsonElement> Bubbles(IEnumerable<ChatLine> lines) =>
        [.. lines.Where(l => Type(l.Content) == "flex").SelectMany(l => BubblesOf(l.Content.GetProperty("contents")))];

    private static JsonElement[] BubblesOf(JsonElement container) =>
        container.GetProperty("type").GetString() == "carousel" ? [.. container.GetProperty("contents").EnumerateArray()] : [container];

    /// <summary>All text a bubble shows (its text components and button labels), joined.</summary>
    public static string Shown(JsonElement element)
    {
        var parts = new List<string>();
        Walk(element, parts);
        return string.Join(" | ", parts);
    }

    private static void Walk(JsonElement element, List<string> parts)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("type", out var type) && type.GetString() == "text" && element.TryGetProperty("text", out var text))
                {
                    parts.Add(text.GetString()!);
                }

                if (element.TryGetProperty("label", out var label) && label.ValueKind == JsonValueKind.String)
                {
                    parts.Add(label.GetString()!);
                }

                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, parts);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, parts);
                }

                break;
        }
    }

    private static void Collect(JsonElement element, List<(string, string)> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("type", out var type) && type.GetString() == "postback" && element.TryGetProperty("data", out var data))
                {
                    found.Add((element.TryGetProperty("label", out var label) ? label.GetString() ?? "" : "", data.GetString()!));
                }

                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, found);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, found);
                }

                break;
        }
    }
}
