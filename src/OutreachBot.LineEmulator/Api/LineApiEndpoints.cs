using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace OutreachBot.LineEmulator.Api;

/// <summary>The Messaging API routes the bot calls, on both the API and the data API paths (one host plays both).</summary>
internal static class LineApiEndpoints
{
    // LINE's documented per-channel rates.
    private const int Default = 2000;
    private const int Multicast = 200;
    private const int Loading = 100;
    private const int BatchPerHour = 3;
    private const int BatchProgressPerHour = 100;

    // The statistics per unit: as narrowcast and broadcast, the reference's hourly row (NOTES.md names none for it).
    private const int InsightPerHour = 60;

    public static void Map(IEndpointRouteBuilder app)
    {
        var pipeline = app.ServiceProvider.GetRequiredService<LineApiPipeline>();
        var m = app.ServiceProvider.GetRequiredService<MessagingHandlers>();
        var r = app.ServiceProvider.GetRequiredService<RichMenuHandlers>();
        var b = app.ServiceProvider.GetRequiredService<RichMenuBatchHandlers>();
        var i = app.ServiceProvider.GetRequiredService<InsightHandlers>();
        var hour = TimeSpan.FromHours(1);

        void Map(string method, string pattern, ApiOperation operation) =>
            app.MapMethods(pattern, [method], (RequestDelegate)(http => pipeline.HandleAsync(http, operation)))
                .WithDisplayName($"LINE emulator {operation.Name}")
                .ExcludeFromDescription();

        Map("POST", "/v2/bot/message/reply", new("reply", "ReplyMessageRequest", false, Default, m.ReplyAsync));
        Map("POST", "/v2/bot/message/push", new("push", "PushMessageRequest", true, Default, m.PushAsync));
        Map("POST", "/v2/bot/message/multicast", new("multicast", "MulticastRequest", true, Multicast, m.MulticastAsync));
        foreach (var kind in new[] { "reply", "push", "multicast", "narrowcast", "broadcast" })
        {
            Map("POST", $"/v2/bot/message/validate/{kind}", new($"validate {kind}", "ValidateMessageRequest", false, Default, MessagingHandlers.AcceptAsync));
        }

        Map("GET", "/v2/bot/message/quota", new("quota", null, false, Default, m.GetQuotaAsync));
        Map("GET", "/v2/bot/message/quota/consumption", new("quota consumption", null, false, Default, m.GetConsumptionAsync));
        Map("GET", "/v2/bot/profile/{userId}", new("profile", null, false, Default, m.GetProfileAsync));
        Map("GET", "/v2/bot/followers/ids", new("followers", null, false, Default, m.GetFollowersAsync));
        Map("POST", "/v2/bot/chat/loading/start", new("loading animation", "ShowLoadingAnimationRequest", false, Loading, m.ShowLoadingAnimationAsync));
        Map("POST", "/v2/bot/chat/markAsRead", new("mark as read", "MarkMessagesAsReadByTokenRequest", false, Default, MessagingHandlers.AcceptAsync));

        Map("GET", "/v2/bot/insight/message/event/aggregation", new("statistics per unit", null, false, InsightPerHour, i.StatisticsPerUnitAsync) { RateWindow = hour });

        Map("POST", "/v2/bot/richmenu", new("create rich menu", "RichMenuRequest", false, Default, r.CreateAsync));
        Map("POST", "/v2/bot/richmenu/validate", new("validate rich menu", "RichMenuRequest", false, Default, MessagingHandlers.AcceptAsync));
        Map("POST", "/v2/bot/richmenu/batch", new("rich menu batch", "RichMenuBatchRequest", false, BatchPerHour, b.BatchAsync) { RateWindow = hour });
        Map("POST", "/v2/bot/richmenu/validate/batch", new("validate rich menu batch", "RichMenuBatchRequest", false, Default, b.ValidateAsync));
        Map("GET", "/v2/bot/richmenu/progress/batch", new("rich menu batch progress", null, false, BatchProgressPerHour, b.ProgressAsync) { RateWindow = hour });
        Map("POST", "/v2/bot/richmenu/bulk/link", new("bulk link rich menu", "RichMenuBulkLinkRequest", false, Default, b.BulkLinkAsync));
        Map("POST", "/v2/bot/richmenu/bulk/unlink", new("bulk unlink rich menu", "RichMenuBulkUnlinkRequest", false, Default, b.BulkUnlinkAsync));
        Map("GET", "/v2/bot/richmenu/list", new("rich menu list", null, false, Default, r.ListAsync));
        Map("GET", "/v2/bot/richmenu/{richMenuId}", new("get rich menu", null, false, Default, r.GetAsync));
        Map("DELETE", "/v2/bot/richmenu/{richMenuId}", new("delete rich menu", null, false, Default, r.DeleteAsync));
        Map("POST", "/v2/bot/richmenu/{richMenuId}/content", new("upload rich menu image", null, false, Default, r.UploadImageAsync));
        Map("GET", "/v2/bot/richmenu/{richMenuId}/content", new("download rich menu image", null, false, Default, r.DownloadImageAsync));
        Map("POST", "/v2/bot/user/all/richmenu/{richMenuId}", new("set default rich menu", null, false, Default, r.SetDefaultAsync));
        Map("GET", "/v2/bot/user/all/richmenu", new("get default rich menu", null, false, Default, r.GetDefaultAsync));
        Map("DELETE", "/v2/bot/user/all/richmenu", new("cancel default rich menu", null, false, Default, r.CancelDefaultAsync));
        Map("POST", "/v2/bot/user/{userId}/richmenu/{richMenuId}", new("link rich menu", null, false, Default, r.LinkAsync));
        Map("GET", "/v2/bot/user/{userId}/richmenu", new("get user rich menu", null, false, Default, r.GetUserMenuAsync));
        Map("DELETE", "/v2/bot/user/{userId}/richmenu", new("unlink rich menu", null, false, Default, r.UnlinkAsync));
        Map("POST", "/v2/bot/richmenu/alias", new("create rich menu alias", "CreateRichMenuAliasRequest", false, Default, r.CreateAliasAsync));
        Map("GET", "/v2/bot/richmenu/alias/list", new("rich menu alias list", null, false, Default, r.ListAliasesAsync));
        Map("GET", "/v2/bot/richmenu/alias/{richMenuAliasId}", new("get rich menu alias", null, false, Default, r.GetAliasAsync));
        Map("POST", "/v2/bot/richmenu/alias/{richMenuAliasId}", new("update rich menu alias", "UpdateRichMenuAliasRequest", false, Default, r.UpdateAliasAsync));
        Map("DELETE", "/v2/bot/richmenu/alias/{richMenuAliasId}", new("delete rich menu alias", null, false, Default, r.DeleteAliasAsync));

        // Anything else under /v2 is an endpoint the emulator does not play: LINE's 404, still recorded.
        var notFound = new ApiOperation("unknown", null, false, Default, _ => ValueTask.FromResult(ApiResult.NotFound()));
        app.Map("/v2/{**rest}", (RequestDelegate)(http => pipeline.HandleAsync(http, notFound))).ExcludeFromDescription();
    }
}
