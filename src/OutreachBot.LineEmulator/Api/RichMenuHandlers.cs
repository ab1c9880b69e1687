using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using OutreachBot.Line.Messaging;
using OutreachBot.LineEmulator.State;
using OutreachBot.LineEmulator.Validation;

namespace OutreachBot.LineEmulator.Api;

/// <summary>Rich menus, their images (data API), the default menu, per-user links and aliases.</summary>
internal sealed class RichMenuHandlers(RichMenuBook menus, EmulatedUsers users)
{
    public ValueTask<ApiResult> CreateAsync(ApiCall call) => Result(menus.Create(call.Json) is { } menu
        ? ApiResult.Json(new RichMenuIdResponse(menu.RichMenuId), LineJsonContext.Default.RichMenuIdResponse)
        : ApiResult.Error(StatusCodes.Status400BadRequest, $"A channel can have at most {RichMenuBook.MaxMenus} rich menus"));

    public ValueTask<ApiResult> GetAsync(ApiCall call) =>
        Result(menus.Find(call.Route("richMenuId")) is { } menu ? ApiResult.Raw(Describe(menu).ToJsonString()) : ApiResult.NotFound());

    public ValueTask<ApiResult> ListAsync(ApiCall call)
    {
        var list = new JsonArray([.. menus.Menus.Select(m => (JsonNode)Describe(m))]);
        return Result(ApiResult.Raw(new JsonObject { ["richmenus"] = list }.ToJsonString()));
    }

    public ValueTask<ApiResult> DeleteAsync(ApiCall call)
    {
        var id = call.Route("richMenuId");
        if (!menus.Delete(id))
        {
            return Result(ApiResult.NotFound());
        }

        foreach (var user in users.All().Where(u => u.RichMenuId == id))
        {
            users.Update(user with { RichMenuId = null });
        }

        return Result(ApiResult.Ok());
    }

    public ValueTask<ApiResult> UploadImageAsync(ApiCall call)
    {
        if (menus.Find(call.Route("richMenuId")) is not { } menu)
        {
            return Result(ApiResult.NotFound());
        }

        var contentType = call.Http.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (contentType is not ("image/png" or "image/jpeg"))
        {
            return Result(ApiResult.Error(StatusCodes.Status415UnsupportedMediaType, "Content-Type must be image/png or image/jpeg"));
        }

        if (menu.Image is not null)
        {
            return Result(ApiResult.Error(StatusCodes.Status400BadRequest, "An image has already been uploaded to the richmenu"));
        }

        if (call.Body.Length > LineLimits.RichMenuImageBytes)
        {
            return Result(ApiResult.Error(StatusCodes.Status413PayloadTooLarge, "The image must be at most 1 MB"));
        }

        if (RichMenuImage.ReadSize(call.Body, contentType) is not { } size)
        {
            return Result(ApiResult.Error(StatusCodes.Status400BadRequest, $"The body is not a {contentType} image"));
        }

        var expected = menu.Request.GetProperty("size");
        if (size.Width != expected.GetProperty("width").GetInt32() || size.Height != expected.GetProperty("height").GetInt32())
        {
            return Result(ApiResult.Error(StatusCodes.Status400BadRequest, "Image size must match the rich menu's size"));
        }

        if (!RichMenuImage.IsAllowedSize(size.Width, size.Height))
        {
            return Result(ApiResult.Error(StatusCodes.Status400BadRequest, RichMenuImage.SizeRule));
        }

        menus.SetImage(menu, call.Body, contentType);
        return Result(ApiResult.Ok());
    }

    public ValueTask<ApiResult> DownloadImageAsync(ApiCall call) =>
        Result(menus.Find(call.Route("richMenuId")) is { Image: { } image, ImageContentType: { } type }
            ? new ApiResult(StatusCodes.Status200OK, image, type)
            : ApiResult.NotFound());

    public ValueTask<ApiResult> SetDefaultAsync(ApiCall call)
    {
        if (Usable(call.Route("richMenuId"), out var refusal) is not { } menu)
        {
            return Result(refusal!);
        }

        menus.DefaultRichMenuId = menu.RichMenuId;
        return Result(ApiResult.Ok());
    }

    public ValueTask<ApiResult> GetDefaultAsync(ApiCall call) => Result(menus.DefaultRichMenuId is { } id
        ? ApiResult.Json(new RichMenuIdResponse(id), LineJsonContext.Default.RichMenuIdResponse)
        : ApiResult.NotFound());

    public ValueTask<ApiResult> CancelDefaultAsync(ApiCall call)
    {
        menus.DefaultRichMenuId = null;
        return Result(ApiResult.Ok());
    }

    public ValueTask<ApiResult> LinkAsync(ApiCall call)
    {
        if (users.Find(call.Route("userId")) is not { } user)
        {
            return Result(ApiResult.Error(StatusCodes.Status400BadRequest, "The user ID is not found"));
        }

        if (Usable(call.Route("richMenuId"), out var refusal) is not { } menu)
        {
            return Result(refusal!);
        }

        users.Update(user with { RichMenuId = menu.RichMenuId });
        return Result(ApiResult.Ok());
    }

    public ValueTask<ApiResult> GetUserMenuAsync(ApiCall call) => Result(users.Find(call.Route("userId")) is { RichMenuId: { } id }
        ? ApiResult.Json(new RichMenuIdResponse(id), LineJsonContext.Default.RichMenuIdResponse)
        : ApiResult.NotFound());

    public ValueTask<ApiResult> UnlinkAsync(ApiCall call)
    {
        if (users.Find(call.Route("userId")) is not { } user)
        {
            return Result(ApiResult.Error(StatusCodes.Status400BadRequest, "The user ID is not found"));
        }

        users.Update(user with { RichMenuId = null });
        return Result(ApiResult.Ok());
    }

    public ValueTask<ApiResult> CreateAliasAsync(ApiCall call)
    {
        var aliasId = call.Json.GetProperty("richMenuAliasId").GetString()!;
        var richMenuId = call.Json.GetProperty("richMenuId").GetString()!;
        if (menus.Find(richMenuId) is null)
        {
            return Result(ApiResult.Error(StatusCodes.Status400BadRequest, "richmenu not found"));
        }

        return Result(menus.TryAddAlias(aliasId, richMenuId)
            ? ApiResult.Ok()
            : ApiResult.Error(StatusCodes.Status400BadRequest, "conflict richmenu alias id"));
    }

    public ValueTask<ApiResult> UpdateAliasAsync(ApiCall call)
    {
        var richMenuId = call.Json.GetProperty("richMenuId").GetString()!;
        if (menus.Find(richMenuId) is null)
        {
            return Result(ApiResult.Error(StatusCodes.Status400BadRequest, "richmenu not found"));
        }

        return Result(menus.TryUpdateAlias(call.Route("richMenuAliasId"), richMenuId)
            ? ApiResult.Ok()
            : ApiResult.Error(StatusCodes.Status400BadRequest, "richmenu alias not found"));
    }

    public ValueTask<ApiResult> DeleteAliasAsync(ApiCall call) => Result(menus.RemoveAlias(call.Route("richMenuAliasId"))
        ? ApiResult.Ok()
        : ApiResult.Error(StatusCodes.Status400BadRequest, "richmenu alias not found"));

    public ValueTask<ApiResult> GetAliasAsync(ApiCall call)
    {
        var aliasId = call.Route("richMenuAliasId");
        return Result(menus.FindAlias(aliasId) is { } id
            ? ApiResult.Json(new RichMenuAliasResponse(aliasId, id), LineJsonContext.Default.RichMenuAliasResponse)
            : ApiResult.NotFound());
    }

    public ValueTask<ApiResult> ListAliasesAsync(ApiCall call) => Result(ApiResult.Json(
        new RichMenuAliasListResponse([.. menus.Aliases.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new RichMenuAliasResponse(a.Key, a.Value))]),
        LineJsonContext.Default.RichMenuAliasListResponse));

    private StoredRichMenu? Usable(string richMenuId, out ApiResult? refusal) => Usable(menus, richMenuId, out refusal);

    // LINE refuses to show a menu that has no image yet.
    internal static StoredRichMenu? Usable(RichMenuBook menus, string richMenuId, out ApiResult? refusal)
    {
        var menu = menus.Find(richMenuId);
        refusal = menu switch
        {
            null => ApiResult.NotFound(),
            { Image: null } => ApiResult.Error(StatusCodes.Status400BadRequest, "must upload richmenu image before applying it to user"),
            _ => null,
        };
        return refusal is null ? menu : null;
    }

    private static JsonObject Describe(StoredRichMenu menu)
    {
        var node = JsonNode.Parse(menu.Request.GetRawText())!.AsObject();
        var described = new JsonObject { ["richMenuId"] = menu.RichMenuId };
        foreach (var (name, value) in node.ToList())
        {
            node.Remove(name);
            described[name] = value;
        }

        return described;
    }

    private static ValueTask<ApiResult> Result(ApiResult result) => ValueTask.FromResult(result);
}
