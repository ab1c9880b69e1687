using System.Security.Cryptography;
using System.Text.Json.Nodes;
using OutreachBot.LineEmulator.State;

namespace OutreachBot.LineEmulator.Chat;

/// <summary>
/// Builds webhook events for one citizen, field for field as LINE's webhook.yml describes them
/// (and as LINE's real bodies look): a reply token where LINE gives one, ids where LINE gives them.
/// </summary>
public sealed class WebhookEventFactory(TimeProvider time, ReplyTokenBook replyTokens)
{
    // LINE's message ids are decimal strings of about 18 digits that grow over time.
    private long _lastMessageId = time.GetUtcNow().ToUnixTimeMilliseconds() * 10_000;

    public JsonObject Follow(string userId, bool isUnblocked)
    {
        var e = Event("follow", userId, withReplyToken: true);
        e["follow"] = new JsonObject { ["isUnblocked"] = isUnblocked };
        return e;
    }

    public JsonObject Unfollow(string userId) => Event("unfollow", userId, withReplyToken: false);

    public JsonObject Text(string userId, string text) => Message(userId, new JsonObject
    {
        ["type"] = "text",
        ["id"] = NextMessageId(),
        ["text"] = text,
        ["quoteToken"] = Token(),
        ["markAsReadToken"] = Token(),
    });

    public JsonObject Sticker(string userId, string packageId, string stickerId) => Message(userId, new JsonObject
    {
        ["type"] = "sticker",
        ["id"] = NextMessageId(),
        ["packageId"] = packageId,
        ["stickerId"] = stickerId,
        ["stickerResourceType"] = "STATIC",
        ["quoteToken"] = Token(),
        ["markAsReadToken"] = Token(),
    });

    public JsonObject Location(string userId, string? title, string? address, double latitude, double longitude)
    {
        var message = new JsonObject { ["type"] = "location", ["id"] = NextMessageId() };
        if (title is not null)
        {
            message["title"] = title;
        }

        if (address is not null)
        {
            message["address"] = address;
        }

        message["latitude"] = latitude;
        message["longitude"] = longitude;
        message["markAsReadToken"] = Token();
        return Message(userId, message);
    }

    public JsonObject Postback(string userId, string data, IReadOnlyDictionary<string, string>? parameters)
    {
        var postback = new JsonObject { ["data"] = data };
        if (parameters is { Count: > 0 })
        {
            var values = new JsonObject();
            foreach (var (name, value) in parameters)
            {
                values[name] = value;
            }

            postback["params"] = values;
        }

        var e = Event("postback", userId, withReplyToken: true);
        e["postback"] = postback;
        return e;
    }

    private JsonObject Message(string userId, JsonObject message)
    {
        var e = Event("message", userId, withReplyToken: true);
        e["message"] = message;
        return e;
    }

    private JsonObject Event(string type, string userId, bool withReplyToken)
    {
        var now = time.GetUtcNow();
        var e = new JsonObject
        {
            ["type"] = type,
            ["mode"] = "active",
            ["timestamp"] = now.ToUnixTimeMilliseconds(),
            ["source"] = new JsonObject { ["type"] = "user", ["userId"] = userId },
            ["webhookEventId"] = Ulid.New(now),
            ["deliveryContext"] = new JsonObject { ["isRedelivery"] = false },
        };
        if (withReplyToken)
        {
            e["replyToken"] = replyTokens.Issue(userId);
        }

        return e;
    }

    private string NextMessageId() => Interlocked.Increment(ref _lastMessageId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Token() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(48))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
