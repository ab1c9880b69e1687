using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using OutreachBot.Broadcasts.Authoring;

namespace OutreachBot.Broadcasts;

/// <summary>Staff API for broadcasts: <c>/api/v1/broadcasts</c>.</summary>
public static class BroadcastsApi
{
    public static RouteGroupBuilder MapBroadcastsApi(this RouteGroupBuilder api)
    {
        var broadcasts = api.MapGroup("/broadcasts").WithTags("Broadcasts");
        broadcasts.MapGet("/", ListAsync).WithSummary("Broadcasts, newest first, with their status and delivery counts.");
        broadcasts.MapPost("/", CreateAsync).ForEditors().Refuses(409).WithSummary("Creates a broadcast: scheduled at once, sent for approval where required, or saved as a draft.");
        broadcasts.MapPost("/preview", PreviewAsync).ForEditors().WithSummary("How many citizens a target reaches, per language, and the quota it would use.");
        broadcasts.MapGet("/{id:long}", GetAsync).Refuses(404).WithSummary("A broadcast: status, targeted / accepted / failed / pending, failed batches with LINE's error and request ids; its version is also the ETag.");
        broadcasts.MapPut("/{id:long}", ReplaceAsync).ForEditors().Refuses(404, 409).WithSummary("Edits a broadcast that has not fired (a cron broadcast: its future runs); the key's account joins its editors, who may not approve it.");
        broadcasts.MapPost("/{id:long}/submit", SubmitAsync).ForEditors().Refuses(409).WithSummary("Sends a draft for approval, or schedules it where none is required.");
        broadcasts.MapPost("/{id:long}/approve", ApproveAsync).ForApprovers().Refuses(403, 404, 409, 428)
            .WithSummary("Approves the version the approver read: {\"version\": n} or If-Match: \"n\" (428 without, 409 when it changed since); not by anyone who wrote or edited it.");
        broadcasts.MapPost("/{id:long}/sendback", SendBackAsync).ForApprovers().Refuses(403, 404, 409).WithSummary("Returns a broadcast awaiting approval to its author as a draft, with a comment; not by anyone who wrote or edited it.");
        broadcasts.MapPost("/{id:long}/cancel", CancelAsync).ForEditors().Refuses(404, 409).WithSummary("Cancels a broadcast; while sending, the batches not yet sent stop.");
        broadcasts.MapPost("/{id:long}/force", ForceAsync).ForAdmins().Refuses(403, 409).WithSummary("Sends a broadcast held because the month's quota would not cover it (admins).");
        broadcasts.MapPost("/{id:long}/test", TestAsync).ForEditors().Refuses(404, 502).WithSummary("Sends the broadcast's messages now to a few staff members' LINE user ids (set on their Account page).");
        broadcasts.MapGet("/{id:long}/preview", PreviewOfAsync).Refuses(404).WithSummary("The recipient count and quota estimate of a stored broadcast.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<BroadcastView>>> ListAsync(BroadcastReader reader, int? limit, long? before, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reader.ListAsync(Math.Clamp(limit ?? 50, 1, 200), before, cancellationToken));

    private static async Task<Results<Ok<BroadcastView>, ProblemHttpResult>> GetAsync(long id, BroadcastReader reader, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await reader.GetAsync(id, cancellationToken) is not { } view)
        {
            return NotFound(id);
        }

        response.Headers.ETag = ETagOf(view.Version);
        return TypedResults.Ok(view);
    }

    private static async Task<Results<Created<BroadcastView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        BroadcastInput input, StaffBroadcasts broadcasts, BroadcastReader reader, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await broadcasts.CreateAsync(input, StaffActor.Of(http), cancellationToken);
        return outcome switch
        {
            { Ok: true } => TypedResults.Created($"/api/v1/broadcasts/{outcome.Id}", await reader.GetAsync(outcome.Id, cancellationToken)),
            { Errors: { } errors } => StaffProblems.Invalid(errors),
            _ => Refused(outcome),
        };
    }

    private static async Task<Results<Ok<BroadcastView>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(long id, BroadcastInput input, StaffBroadcasts broadcasts, BroadcastReader reader, HttpContext http, CancellationToken cancellationToken) =>
        await ToResultAsync(await broadcasts.ReplaceAsync(id, input, StaffActor.Of(http), cancellationToken), reader, cancellationToken);

    private static async Task<Results<Ok<BroadcastView>, ProblemHttpResult>> SubmitAsync(long id, StaffBroadcasts broadcasts, BroadcastReader reader, HttpContext http, CancellationToken cancellationToken) =>
        await ToMoveResultAsync(await broadcasts.SubmitAsync(id, StaffActor.Of(http), cancellationToken), reader, cancellationToken);

    /// <summary>The version comes in the body or as <c>If-Match</c>; a body may be absent (then If-Match must say it).</summary>
    private static async Task<Results<Ok<BroadcastView>, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        long id, [FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] ApproveInput? input,
        HttpRequest request, StaffBroadcasts broadcasts, BroadcastReader reader, HttpContext http, CancellationToken cancellationToken)
    {
        var fromHeader = VersionOf(request.Headers.IfMatch);
        if (input?.Version is { } body && fromHeader is { } header && body != header)
        {
            return StaffProblems.Invalid(new Dictionary<string, Bilingual[]>
            {
                ["version"] = [new("version と If-Match が食い違っています。", "The version in the body and If-Match differ.")],
            });
        }

        return await ToResultAsync(await broadcasts.ApproveAsync(id, input?.Version ?? fromHeader, StaffActor.Of(http), cancellationToken), reader, cancellationToken);
    }

    private static string ETagOf(int version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version an <c>If-Match</c> names (<c>"7"</c> or <c>W/"7"</c>); null when it names none or several.</summary>
    private static int? VersionOf(Microsoft.Extensions.Primitives.StringValues ifMatch) =>
        EntityTagHeaderValue.TryParseList(ifMatch, out var tags) && tags.Count == 1
        && int.TryParse(tags[0].Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : null;

    private static async Task<Results<Ok<BroadcastView>, ValidationProblem, ProblemHttpResult>> SendBackAsync(long id, SendBackInput input, StaffBroadcasts broadcasts, BroadcastReader reader, HttpContext http, CancellationToken cancellationToken) =>
        await ToResultAsync(await broadcasts.SendBackAsync(id, input.Comment, StaffActor.Of(http), cancellationToken), reader, cancellationToken);

    private static async Task<Results<Ok<BroadcastView>, ProblemHttpResult>> CancelAsync(long id, StaffBroadcasts broadcasts, BroadcastReader reader, HttpContext http, CancellationToken cancellationToken) =>
        await ToMoveResultAsync(await broadcasts.CancelAsync(id, StaffActor.Of(http), cancellationToken), reader, cancellationToken);

    private static async Task<Results<Ok<BroadcastView>, ProblemHttpResult>> ForceAsync(long id, StaffBroadcasts broadcasts, BroadcastReader reader, HttpContext http, CancellationToken cancellationToken) =>
        await ToMoveResultAsync(
            await broadcasts.ForceAsync(id, http.User, StaffActor.Of(http), cancellationToken), reader, cancellationToken);

    private static async Task<Results<Ok<AudiencePreview>, ValidationProblem>> PreviewAsync(PreviewInput input, BroadcastReader reader, CancellationToken cancellationToken)
    {
        var (preview, errors) = await reader.PreviewAsync(input.Target, cancellationToken);
        return preview is null ? StaffProblems.Invalid(errors) : TypedResults.Ok(preview);
    }

    private static async Task<Results<Ok<AudiencePreview>, ProblemHttpResult>> PreviewOfAsync(long id, BroadcastReader reader, CancellationToken cancellationToken) =>
        await reader.PreviewAsync(id, cancellationToken) is { } preview ? TypedResults.Ok(preview) : NotFound(id);

    private static async Task<Results<Ok<TestSendView>, ValidationProblem, ProblemHttpResult>> TestAsync(long id, TestSendInput input, StaffBroadcasts broadcasts, HttpContext http, CancellationToken cancellationToken) =>
        await broadcasts.TestAsync(id, input.UserIds, input.Language, StaffActor.Of(http), cancellationToken) switch
        {
            null => NotFound(id),
            { Errors: { } errors } => StaffProblems.Invalid(errors),
            { Failure: { } ex } => StaffProblems.Refused(
                StatusCodes.Status502BadGateway,
                new("LINEがテスト送信を受け付けませんでした。", "LINE refused the test send."),
                detail: ex.Message,
                extensions: new Dictionary<string, object?> { ["lineStatus"] = (int?)ex.StatusCode, ["requestId"] = ex.RequestId, ["details"] = ex.Details }),
            { } sent => TypedResults.Ok(new TestSendView(sent.SentTo, sent.Language, sent.RequestId)),
        };

    private static async Task<Results<Ok<BroadcastView>, ValidationProblem, ProblemHttpResult>> ToResultAsync(
        StaffOutcome outcome, BroadcastReader reader, CancellationToken cancellationToken) => outcome switch
    {
        { Ok: true } => TypedResults.Ok(await reader.GetAsync(outcome.Id, cancellationToken)),
        { Errors: { } errors } => StaffProblems.Invalid(errors),
        _ => Refused(outcome),
    };

    /// <summary>For a move between states, which takes no input to reject: it is done, or refused (403, 404, 409).</summary>
    private static async Task<Results<Ok<BroadcastView>, ProblemHttpResult>> ToMoveResultAsync(
        StaffOutcome outcome, BroadcastReader reader, CancellationToken cancellationToken) =>
        outcome.Ok ? TypedResults.Ok(await reader.GetAsync(outcome.Id, cancellationToken)) : Refused(outcome);

    private static ProblemHttpResult Refused(StaffOutcome outcome) => StaffProblems.Refused(outcome.Status, outcome.Problem.GetValueOrDefault());

    private static ProblemHttpResult NotFound(long id) => StaffProblems.Refused(StatusCodes.Status404NotFound, new($"配信 {id} はありません。", $"No broadcast {id}."));
}

/// <summary>What a test send reached: how many staff accounts, in which language, under which LINE request id.</summary>
public sealed record TestSendView(int SentTo, string Language, string? RequestId);
