using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OutreachBot.Line.Messaging;
using OutreachBot.LineEmulator.Hosting;
using OutreachBot.LineEmulator.State;

namespace OutreachBot.LineEmulator.Api;

/// <summary>Reply, push, multicast, profile, followers, quota, loading animation and mark-as-read, with LINE's semantics.</summary>
internal sealed class MessagingHandlers(
    EmulatedUsers users,
    ReplyTokenBook replyTokens,
    ChatTranscript transcript,
    RequestJournal journal,
    QuotaBook quota,
    InsightBook insight,
    IOptionsMonitor<EmulatorOptions> options,
    TimeProvider time)
{
    private long _messageId = 461230966842064897;

    public ValueTask<ApiResult> ReplyAsync(ApiCall call)
    {
        var redeemed = replyTokens.Redeem(call.Json.GetProperty("replyToken").GetString()!);
        if (redeemed.Status != ReplyTokenStatus.Valid)
        {
            return Result(ApiResult.Error(StatusCodes.Status400BadRequest, "Invalid reply token"));
        }

        var messages = call.Json.GetProperty("messages");
        Deliver(call, redeemed.UserId!, messages, "reply");
        return Result(SentMessages(messages));
    }

    public ValueTask<ApiResult> PushAsync(ApiCall call)
    {
        var to = call.Json.GetProperty("to").GetString()!;
        var messages = call.Json.GetProperty("messages");
        var reachable = CanReceive(to);
        if (!quota.TryConsume(reachable ? 1 : 0, options.CurrentValue.MonthlyQuota))
        {
            return Result(ApiResult.Error(StatusCodes.Status429TooManyRequests, "You have reached your monthly limit."));
        }

        // LINE answers 200 for users who blocked the account or never added it, and delivers nothing.
        if (reachable)
        {
            Deliver(call, to, messages, "push");
        }

        return Result(SentMessages(messages));
    }

    public ValueTask<ApiResult> MulticastAsync(ApiCall call)
    {
        // The emulated user's own id string, not the one just parsed: what the journal keeps then costs nothing new.
        var to = call.Json.GetProperty("to");
        var recipients = new HashSet<string>(to.GetArrayLength(), StringComparer.Ordinal);
        foreach (var id in to.EnumerateArray())
        {
            if (FindUser(id) is { Following: true, Blocked: false } user)
            {
                recipients.Add(user.UserId);
            }
        }

        if (!quota.TryConsume(recipients.Count, options.CurrentValue.MonthlyQuota))
        {
            return Result(ApiResult.Error(StatusCodes.Status429TooManyRequests, "You have reached your monthly limit."));
        }

        var messages = call.Json.GetProperty("messages");
        string[] delivered = [.. recipients];
        var first = transcript.AddToMany(delivered, "multicast", messages);
        if (call.Json.TryGetProperty("customAggregationUnits", out var units) && units.GetArrayLength() == 1)
        {
            insight.Tag(units[0].GetString()!, first, messages.GetArrayLength(), delivered);
        }

        journal.Add(new DeliveredRequest(call.RequestId, call.RetryKeyText, delivered, "multicast", messages.GetArrayLength(), time.GetUtcNow()));
        return Result(ApiResult.Ok());
    }

    // Looked up by the id's bytes in the request, not by a new string for each of up to 500 recipients.
    private EmulatedUser? FindUser(JsonElement id)
    {
        var raw = JsonMarshal.GetRawUtf8Value(id);
        Span<char> chars = stackalloc char[128];
        return raw is [(byte)'"', .. var inner, (byte)'"'] && !inner.Contains((byte)'\\') && Encoding.UTF8.TryGetChars(inner, chars, out var written)
            ? users.Find(chars[..written])
            : users.Find(id.GetString()!);
    }

    public ValueTask<ApiResult> GetProfileAsync(ApiCall call)
    {
        var user = users.Find(call.Route("userId"));
        return Result(user is null
            ? ApiResult.NotFound()
            : ApiResult.Json(new UserProfile(user.DisplayName, user.UserId) { Language = user.Language }, LineJsonContext.Default.UserProfile));
    }

    public ValueTask<ApiResult> GetFollowersAsync(ApiCall call)
    {
        var limit = 300;
        if (call.Query("limit") is { } limitText && (!int.TryParse(limitText, out limit) || limit is < 1 or > LineLimits.FollowerIdsPageMax))
        {
            return Result(ApiResult.Error(StatusCodes.Status400BadRequest, "The request has 1 error(s)", [new("must be between 1 and 1000", "limit")]));
        }

        var start = 0;
        if (call.Query("start") is { } startText && !TryReadContinuation(startText, out start))
        {
            return Result(ApiResult.Error(StatusCodes.Status400BadRequest, "The request has 1 error(s)", [new("invalid continuation token", "start")]));
        }

        var ids = users.FollowerIds();
        var page = ids.Skip(start).Take(limit).ToList();
        var next = start + limit < ids.Count ? WriteContinuation(start + limit) : null;
        return Result(ApiResult.Json(new FollowerIdsPage(page, next), LineJsonContext.Default.FollowerIdsPage));
    }

    public ValueTask<ApiResult> GetQuotaAsync(ApiCall call) => Result(options.CurrentValue.MonthlyQuota is { } limit
        ? ApiResult.Json(new MessageQuota(QuotaType.Limited, limit), LineJsonContext.Default.MessageQuota)
        : ApiResult.Json(new MessageQuota(QuotaType.None), LineJsonContext.Default.MessageQuota));

    public ValueTask<ApiResult> GetConsumptionAsync(ApiCall call) =>
        Result(ApiResult.Json(new QuotaConsumption(quota.Used), LineJsonContext.Default.QuotaConsumption));

    public ValueTask<ApiResult> ShowLoadingAnimationAsync(ApiCall call)
    {
        var chatId = call.Json.GetProperty("chatId").GetString()!;
        return Result(users.Find(chatId) is null
            ? ApiResult.Error(StatusCodes.Status400BadRequest, "The chatId is invalid")
            : ApiResult.Ok(StatusCodes.Status202Accepted));
    }

    public static ValueTask<ApiResult> AcceptAsync(ApiCall call) => Result(ApiResult.Ok());

    private bool CanReceive(string userId) => users.Find(userId) is { Following: true, Blocked: false };

    private void Deliver(ApiCall call, string userId, JsonElement messages, string via)
    {
        foreach (var message in messages.EnumerateArray())
        {
            transcript.Add(userId, ChatSpeaker.Bot, via, message);
        }

        journal.Add(new DeliveredRequest(call.RequestId, call.RetryKeyText, [userId], via, messages.GetArrayLength(), time.GetUtcNow()));
    }

    private ApiResult SentMessages(JsonElement messages)
    {
        var sent = new List<SentMessage>(messages.GetArrayLength());
        Span<byte> quoteToken = stackalloc byte[12];
        for (var i = 0; i < sent.Capacity; i++)
        {
            // A quote token only has to be unguessable enough not to collide: the shared generator, not the OS's.
            Random.Shared.NextBytes(quoteToken);
            sent.Add(new SentMessage(
                Interlocked.Increment(ref _messageId).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Convert.ToBase64String(quoteToken)));
        }

        return ApiResult.Json(new SentMessagesResponse(sent), LineJsonContext.Default.SentMessagesResponse);
    }

    private static string WriteContinuation(int index) => Convert.ToBase64String(BitConverter.GetBytes(index));

    private static bool TryReadContinuation(string token, out int index)
    {
        index = 0;
        var bytes = new byte[4];
        if (!Convert.TryFromBase64String(token, bytes, out var written) || written != 4)
        {
            return false;
        }

        index = BitConverter.ToInt32(bytes);
        return index >= 0;
    }

    private static ValueTask<ApiResult> Result(ApiResult result) => ValueTask.FromResult(result);
}
