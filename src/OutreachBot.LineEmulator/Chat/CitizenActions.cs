using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using OutreachBot.LineEmulator.State;

namespace OutreachBot.LineEmulator.Chat;

/// <summary>
/// What a citizen can do in the chat. Each action updates the citizen, adds the event to the transcript
/// (before sending, so the bot's answer always comes after it), and delivers it to the bot as a webhook.
/// Checks of what is allowed are the caller's; this class assumes the action makes sense.
/// </summary>
public sealed class CitizenActions(
    EmulatedUsers users,
    ChatTranscript transcript,
    WebhookEventFactory events,
    WebhookSender sender,
    DeliveryLog deliveries,
    ChatViews views,
    IHostApplicationLifetime lifetime)
{
    public Task<ChatLineView> FollowAsync(EmulatedUser citizen)
    {
        ArgumentNullException.ThrowIfNull(citizen);
        users.Update(citizen with { Following = true, Blocked = false });
        return DeliverAsync(citizen.UserId, events.Follow(citizen.UserId, isUnblocked: citizen.Blocked), displayText: null);
    }

    /// <summary>In LINE a citizen "unfollows" by blocking the account; following again then unblocks it.</summary>
    public Task<ChatLineView> UnfollowAsync(EmulatedUser citizen)
    {
        ArgumentNullException.ThrowIfNull(citizen);
        users.Update(citizen with { Following = false, Blocked = true });
        return DeliverAsync(citizen.UserId, events.Unfollow(citizen.UserId), displayText: null);
    }

    public Task<ChatLineView> SendTextAsync(string userId, string text) =>
        DeliverAsync(userId, events.Text(userId, text), displayText: null);

    public Task<ChatLineView> SendStickerAsync(string userId, string packageId, string stickerId) =>
        DeliverAsync(userId, events.Sticker(userId, packageId, stickerId), displayText: null);

    public Task<ChatLineView> SendLocationAsync(string userId, string? title, string? address, double latitude, double longitude) =>
        DeliverAsync(userId, events.Location(userId, title, address, latitude, longitude), displayText: null);

    /// <param name="displayText">What LINE shows in the chat as the citizen's words; the bot never sees it.</param>
    public Task<ChatLineView> PostbackAsync(string userId, string data, IReadOnlyDictionary<string, string>? parameters, string? displayText) =>
        DeliverAsync(userId, events.Postback(userId, data, parameters), displayText);

    /// <summary>Sends an event again as LINE redelivers it: same id, same reply token, <c>isRedelivery</c> true.</summary>
    public async Task<ChatLineView?> RedeliverAsync(SentEvent sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var again = JsonNode.Parse(sent.EventJson)!.AsObject();
        again["deliveryContext"] = new JsonObject { ["isRedelivery"] = true };
        var attempt = await sender.SendAsync(again, lifetime.ApplicationStopping);
        return views.LineOf(deliveries.Record(sent.WebhookEventId, attempt, redelivery: true));
    }

    private async Task<ChatLineView> DeliverAsync(string userId, JsonObject webhookEvent, string? displayText)
    {
        var json = webhookEvent.ToJsonString();
        ChatLine line;
        using (var document = JsonDocument.Parse(json))
        {
            line = transcript.Add(userId, ChatSpeaker.Citizen, "webhook", document.RootElement);
        }

        var id = (string)webhookEvent["webhookEventId"]!;
        deliveries.Add(new SentEvent(id, userId, line.Sequence, json, displayText, DeliveryState.Pending, null, 0, false));

        // Not the page's request token: once the citizen has acted, LINE delivers whether or not anyone watches.
        var attempt = await sender.SendAsync(webhookEvent, lifetime.ApplicationStopping);
        deliveries.Record(id, attempt, redelivery: false);
        return views.Line(line);
    }
}
