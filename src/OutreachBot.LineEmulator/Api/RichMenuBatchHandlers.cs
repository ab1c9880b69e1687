using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OutreachBot.Line.Messaging;
using OutreachBot.LineEmulator.State;

namespace OutreachBot.LineEmulator.Api;

/// <summary>
/// Switching many users' menus at once: the batch (202 at once, worked through in the background, its progress asked
/// by the 202's request id), its validation, and linking or unlinking up to 500 named users (202).
/// </summary>
internal sealed class RichMenuBatchHandlers(RichMenuBook menus, RichMenuBatchBook batches, EmulatedUsers users)
{
    public ValueTask<ApiResult> BatchAsync(ApiCall call)
    {
        if (Check(call.Json, out var operations) is { } refusal)
        {
            return Result(refusal);
        }

        batches.Accept(call.RequestId, operations);
        return Result(ApiResult.Ok(StatusCodes.Status202Accepted));
    }

    public ValueTask<ApiResult> ValidateAsync(ApiCall call) => Result(Check(call.Json, out _) ?? ApiResult.Ok());

    public ValueTask<ApiResult> ProgressAsync(ApiCall call)
    {
        if (call.Query("requestId") is not { Length: > 0 } requestId)
        {
            return Result(ApiResult.Error(StatusCodes.Status400BadRequest, "The request parameter 'requestId' is required"));
        }

        return Result(batches.Find(requestId) is { } batch
            ? ApiResult.Json(new RichMenuBatchProgress(batch.Phase, batch.AcceptedTime, batch.CompletedTime), LineJsonContext.Default.RichMenuBatchProgress)
            : ApiResult.NotFound());
    }

    public ValueTask<ApiResult> BulkLinkAsync(ApiCall call)
    {
        if (RichMenuHandlers.Usable(menus, call.Json.GetProperty("richMenuId").GetString()!, out var refusal) is not { } menu)
        {
            return Result(refusal!);
        }

        foreach (var user in NamedUsers(call.Json))
        {
            users.Update(user with { RichMenuId = menu.RichMenuId });
        }

        return Result(ApiResult.Ok(StatusCodes.Status202Accepted));
    }

    public ValueTask<ApiResult> BulkUnlinkAsync(ApiCall call)
    {
        foreach (var user in NamedUsers(call.Json))
        {
            users.Update(user with { RichMenuId = null });
        }

        return Result(ApiResult.Ok(StatusCodes.Status202Accepted));
    }

    // LINE accepts ids it does not know (they may have blocked the account since) and changes nobody for them.
    private IEnumerable<EmulatedUser> NamedUsers(JsonElement body) =>
        body.GetProperty("userIds").EnumerateArray().Select(id => users.Find(id.GetString()!)).OfType<EmulatedUser>();

    // The schema has checked the shape; what it cannot know is whether the menus exist and can be shown.
    private ApiResult? Check(JsonElement body, out IReadOnlyList<RichMenuBatchOperation> operations)
    {
        var list = new List<RichMenuBatchOperation>();
        operations = list;
        var items = body.GetProperty("operations");
        if (items.GetArrayLength() == 0)
        {
            return ApiResult.Error(StatusCodes.Status400BadRequest, "The request body has 1 error(s)", [new("must not be empty", "operations")]);
        }

        foreach (var item in items.EnumerateArray())
        {
            var operation = new RichMenuBatchOperation(item.GetProperty("type").GetString()!, Text(item, "from"), Text(item, "to"));
            if (operation.From is { } from && menus.Find(from) is null)
            {
                return ApiResult.Error(StatusCodes.Status400BadRequest, $"richmenu not found: {from}");
            }

            if (operation.Type == RichMenuBatchOperation.Link && RichMenuHandlers.Usable(menus, operation.To!, out var refusal) is null)
            {
                return refusal;
            }

            list.Add(operation);
        }

        return null;
    }

    private static string? Text(JsonElement item, string name) => item.TryGetProperty(name, out var value) ? value.GetString() : null;

    private static ValueTask<ApiResult> Result(ApiResult result) => ValueTask.FromResult(result);
}
