using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using OutreachBot.LineEmulator.State;

namespace OutreachBot.LineEmulator.Chat;

/// <summary>The control API: everything the page does, for tests and scripts too.</summary>
internal static class CitizenEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        var citizens = api.MapGroup("/citizens");
        citizens.MapGet("", (EmulatedUsers users) => ChatJson.Ok(users.All().Select(CitizenView.From).ToList()));
        citizens.MapPost("", Create);
        citizens.MapGet("/{userId}", (string userId, EmulatedUsers users) =>
            users.Find(userId) is { } user ? ChatJson.Ok(CitizenView.From(user)) : UnknownCitizen(userId));
        citizens.MapPost("/{userId}/follow", Follow);
        citizens.MapPost("/{userId}/unfollow", Unfollow);
        citizens.MapPost("/{userId}/messages", SendMessage);
        citizens.MapPost("/{userId}/postback", Postback);
        citizens.MapPost("/{userId}/redeliver", Redeliver);
        citizens.MapGet("/{userId}/transcript", (string userId, long? after, ChatViews views) =>
            ChatJson.Ok(views.Transcript(userId, Math.Max(after ?? 0, 0))));
        citizens.MapGet("/{userId}/stream", TranscriptStream.Open);
        citizens.MapPost("/{userId}/seen", (string userId, SeenRequest request, InsightBook insight) =>
            ChatJson.Ok(new { counted = insight.Seen(userId, request.Sequence) }));
        citizens.MapPost("/{userId}/opened", Opened);
    }

    private static IResult Create(CreateCitizenRequest request, EmulatedUsers users, HttpContext http)
    {
        if (ChatRules.Citizen(request) is { } error)
        {
            return Invalid(error);
        }

        var userId = request.UserId ?? "U" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var name = request.DisplayName?.Trim();
        if (users.Find(userId) is { } existing)
        {
            var updated = existing with { DisplayName = name ?? existing.DisplayName, Language = request.Language ?? existing.Language };
            users.Update(updated);
            return ChatJson.Ok(CitizenView.From(updated));
        }

        var created = users.GetOrAdd(userId, name ?? "市民 " + userId[^4..].ToUpperInvariant(), request.Language ?? "ja");
        return ChatJson.Created($"{http.Request.PathBase}{ChatEndpoints.ApiPrefix}/citizens/{userId}", CitizenView.From(created));
    }

    private static async Task<IResult> Follow(string userId, EmulatedUsers users, CitizenActions actions)
    {
        if (users.Find(userId) is not { } user)
        {
            return UnknownCitizen(userId);
        }

        return user.Following
            ? Conflict("The citizen already follows the account; LINE sends no second follow event.")
            : ChatJson.Ok(await actions.FollowAsync(user));
    }

    private static async Task<IResult> Unfollow(string userId, EmulatedUsers users, CitizenActions actions)
    {
        if (users.Find(userId) is not { } user)
        {
            return UnknownCitizen(userId);
        }

        return user.Following
            ? ChatJson.Ok(await actions.UnfollowAsync(user))
            : Conflict("The citizen does not follow the account, so there is nothing to block.");
    }

    private static async Task<IResult> SendMessage(string userId, SendMessageRequest request, EmulatedUsers users, CitizenActions actions)
    {
        if (CanTalk(userId, users) is { } refused)
        {
            return refused;
        }

        switch (request.Type ?? "text")
        {
            case "text":
                return ChatRules.Text(request.Text) is { } textError
                    ? Invalid(textError)
                    : ChatJson.Ok(await actions.SendTextAsync(userId, request.Text!));
            case "sticker":
                var (package, sticker) = (request.PackageId ?? "446", request.StickerId ?? "1988");
                return ChatRules.Sticker(package, sticker) is { } stickerError
                    ? Invalid(stickerError)
                    : ChatJson.Ok(await actions.SendStickerAsync(userId, package, sticker));
            case "location":
                return ChatRules.Location(request) is { } locationError
                    ? Invalid(locationError)
                    : ChatJson.Ok(await actions.SendLocationAsync(userId, request.Title, request.Address, request.Latitude!.Value, request.Longitude!.Value));
            default:
                return Invalid("type must be text, sticker or location.");
        }
    }

    private static async Task<IResult> Postback(string userId, PostbackRequest request, EmulatedUsers users, CitizenActions actions)
    {
        if (CanTalk(userId, users) is { } refused)
        {
            return refused;
        }

        return ChatRules.Postback(request) is { } error
            ? Invalid(error)
            : ChatJson.Ok(await actions.PostbackAsync(userId, request.Data!, request.Params, request.DisplayText));
    }

    private static async Task<IResult> Redeliver(string userId, [FromBody] RedeliverRequest? request, DeliveryLog deliveries, CitizenActions actions)
    {
        var sent = request?.WebhookEventId is { } id ? deliveries.Find(id) : deliveries.LastFor(userId);
        if (sent is null || sent.UserId != userId)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such event",
                detail: "This citizen has sent no such webhook event yet.");
        }

        return await actions.RedeliverAsync(sent) is { } line ? ChatJson.Ok(line) : UnknownCitizen(userId);
    }

    private static IResult Opened(string userId, OpenedRequest request, InsightBook insight) =>
        string.IsNullOrEmpty(request.Url)
            ? Invalid("url is the link the citizen opened.")
            : ChatJson.Ok(new { counted = insight.Opened(userId, request.Sequence, request.Url) });

    /// <summary>A citizen who blocked the account cannot write to it in LINE; one who never added it can.</summary>
    private static IResult? CanTalk(string userId, EmulatedUsers users) => users.Find(userId) switch
    {
        null => UnknownCitizen(userId),
        { Blocked: true } => Conflict("The citizen has blocked the account. Follow (unblock) first."),
        _ => null,
    };

    private static IResult UnknownCitizen(string userId) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Unknown citizen",
        detail: ChatIds.IsUserId(userId)
            ? "No citizen has this user id; create one with POST /_emulator/chat/citizens first."
            : "A user id is 'U' followed by 32 lower-case hex digits.");

    private static IResult Invalid(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid request", detail: detail);

    private static IResult Conflict(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible now", detail: detail);
}
