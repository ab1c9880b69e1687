using System.Globalization;
using System.Security.Claims;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.StaffConsole;

namespace OutreachBot.Broadcasts;

/// <summary>Staff API for broadcasts: <c>/api/v1/broadcasts</c>.</summary>
public static class BroadcastsApi
{
    public static RouteGroupBuilder MapBroadcastsApi(this RouteGroupBuilder api)
    {
        var broadcasts = api.MapGroup("/broadcasts").WithTags("Broadcasts");
        broadcasts.MapGet("/", ListAsync).WithSummary("Broadcasts, newest first, with their status and delivery counts.");
        broadcasts.MapPost("/", CreateAsync).Audited(AuditActions.BroadcastCreated).WithSummary("Creates a broadcast: scheduled at once, sent for approval where required, or saved as a draft.");
        broadcasts.MapPost("/preview", PreviewAsync).WithSummary("How many citizens a target reaches, per language, and the quota it would use.");
        broadcasts.MapGet("/{id:long}", GetAsync).WithSummary("A broadcast: status, targeted / accepted / failed / pending, failed batches with LINE's error and request ids.");
        broadcasts.MapPut("/{id:long}", ReplaceAsync).Audited(AuditActions.BroadcastUpdated).WithSummary("Edits a broadcast that has not fired (a cron broadcast: its future runs).");
        broadcasts.MapPost("/{id:long}/submit", SubmitAsync).Audited(AuditActions.BroadcastSubmitted).WithSummary("Sends a draft for approval, or schedules it where none is required.");
        broadcasts.MapPost("/{id:long}/approve", ApproveAsync).Audited(AuditActions.BroadcastApproved).WithSummary("Approves a broadcast; the approver must not be its author.");
        broadcasts.MapPost("/{id:long}/sendback", SendBackAsync).Audited(AuditActions.BroadcastSentBack).WithSummary("Returns a broadcast awaiting approval to its author as a draft, with a comment; not by its author.");
        broadcasts.MapPost("/{id:long}/cancel", CancelAsync).Audited(AuditActions.BroadcastCancelled).WithSummary("Cancels a broadcast; while sending, the batches not yet sent stop.");
        broadcasts.MapPost("/{id:long}/force", ForceAsync).Audited(AuditActions.BroadcastForced).WithSummary("Sends a broadcast held because the month's quota would not cover it (admins).");
        broadcasts.MapPost("/{id:long}/test", TestAsync).Audited(AuditActions.BroadcastTestSent).WithSummary("Sends the broadcast's messages now to a few staff LINE user ids.");
        broadcasts.MapGet("/{id:long}/preview", PreviewOfAsync).WithSummary("The recipient count and quota estimate of a stored broadcast.");
        return api;
    }

    /// <summary>Writes the audit entry of a change that succeeded, as the console's pages do, with the API key as the actor.</summary>
    private static RouteHandlerBuilder Audited(this RouteHandlerBuilder route, string action) =>
        route.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            if (result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 })
            {
                var id = context.HttpContext.Request.RouteValues["id"] as string
                         ?? (result is IValueHttpResult { Value: BroadcastView view } ? view.Id.ToString(CultureInfo.InvariantCulture) : null);
                await context.HttpContext.RequestServices.GetRequiredService<AuditLog>().WriteAsync(context.HttpContext, action, "broadcast:" + id);
            }

            return result;
        });

    private static async Task<IResult> ListAsync(BroadcastReader reader, int? limit, long? before, CancellationToken cancellationToken) =>
        Results.Ok(await reader.ListAsync(Math.Clamp(limit ?? 50, 1, 200), before, cancellationToken));

    private static async Task<IResult> GetAsync(long id, BroadcastReader reader, CancellationToken cancellationToken) =>
        await reader.GetAsync(id, cancellationToken) is { } view ? Results.Ok(view) : NotFound(id);

    private static async Task<IResult> CreateAsync(BroadcastInput input, BroadcastService service, BroadcastReader reader, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var outcome = await service.CreateAsync(input, StaffIdentity.Of(user), cancellationToken);
        return outcome.Ok
            ? Results.Created($"/api/v1/broadcasts/{outcome.Id}", await reader.GetAsync(outcome.Id, cancellationToken))
            : await ToResultAsync(outcome, reader, cancellationToken);
    }

    private static async Task<IResult> ReplaceAsync(long id, BroadcastInput input, BroadcastService service, BroadcastReader reader, CancellationToken cancellationToken) =>
        await ToResultAsync(await service.ReplaceAsync(id, input, cancellationToken), reader, cancellationToken);

    private static async Task<IResult> SubmitAsync(long id, BroadcastService service, BroadcastReader reader, CancellationToken cancellationToken) =>
        await ToResultAsync(await service.SubmitAsync(id, cancellationToken), reader, cancellationToken);

    private static async Task<IResult> ApproveAsync(long id, BroadcastService service, BroadcastReader reader, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await ToResultAsync(await service.ApproveAsync(id, StaffIdentity.Of(user), cancellationToken), reader, cancellationToken);

    private static async Task<IResult> SendBackAsync(long id, SendBackInput input, BroadcastService service, BroadcastReader reader, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await ToResultAsync(await service.SendBackAsync(id, StaffIdentity.Of(user), input.Comment, cancellationToken), reader, cancellationToken);

    private static async Task<IResult> CancelAsync(long id, BroadcastService service, BroadcastReader reader, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await ToResultAsync(await service.CancelAsync(id, StaffIdentity.Of(user), cancellationToken), reader, cancellationToken);

    private static async Task<IResult> ForceAsync(long id, BroadcastService service, BroadcastReader reader, ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await ToResultAsync(
            await service.ForceAsync(id, user, cancellationToken), reader, cancellationToken);

    private static async Task<IResult> PreviewAsync(PreviewInput input, BroadcastReader reader, CancellationToken cancellationToken)
    {
        var (preview, errors) = await reader.PreviewAsync(input.Target, cancellationToken);
        return preview is null ? Results.ValidationProblem(errors) : Results.Ok(preview);
    }

    private static async Task<IResult> PreviewOfAsync(long id, BroadcastReader reader, CancellationToken cancellationToken) =>
        await reader.PreviewAsync(id, cancellationToken) is { } preview ? Results.Ok(preview) : NotFound(id);

    private static async Task<IResult> TestAsync(long id, TestSendInput input, TestSender sender, CancellationToken cancellationToken) =>
        await sender.SendAsync(id, input.UserIds, input.Language, cancellationToken) switch
        {
            null => NotFound(id),
            { Errors: { } errors } => Results.ValidationProblem(errors),
            { Failure: { } ex } => Results.Problem(
                statusCode: StatusCodes.Status502BadGateway,
                title: $"LINEがテスト送信を受け付けませんでした。 / LINE refused the test send: {ex.Message}",
                extensions: new Dictionary<string, object?> { ["lineStatus"] = (int?)ex.StatusCode, ["requestId"] = ex.RequestId, ["details"] = ex.Details }),
            { } sent => Results.Ok(new { sentTo = sent.SentTo, language = sent.Language, requestId = sent.RequestId }),
        };

    private static async Task<IResult> ToResultAsync(StaffOutcome outcome, BroadcastReader reader, CancellationToken cancellationToken) => outcome switch
    {
        { Ok: true } => Results.Ok(await reader.GetAsync(outcome.Id, cancellationToken)),
        { Errors: { } errors } => Results.ValidationProblem(errors),
        _ => Results.Problem(statusCode: outcome.Status, title: outcome.Problem),
    };

    private static IResult NotFound(long id) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"配信 {id} はありません。 / No broadcast {id}.");
}
