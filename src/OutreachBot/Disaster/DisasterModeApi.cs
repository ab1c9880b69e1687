using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OutreachBot.Disaster;

/// <summary>Staff API for disaster mode: <c>/api/v1/disaster-mode</c>.</summary>
public static partial class DisasterModeApi
{
    public const int MaxReasonLength = 500;
    public const int MaxDrillAudience = 10_000;

    public static RouteGroupBuilder MapDisasterModeApi(this RouteGroupBuilder api)
    {
        var mode = api.MapGroup("/disaster-mode").WithTags("Disaster mode");
        mode.MapGet("/", GetAsync).WithSummary("Disaster mode (防災モード) or a drill: on or off, since when, who switched and confirmed it and why, and a switch waiting for confirmation.");
        mode.MapPut("/", PutAsync).ForApprovers().Refuses(409)
            .WithSummary("Switches disaster mode or a drill (active, drill, drillAudience, reason): 202 until a second admin or approver sends the same active, 200 once in force.");
        mode.MapGet("/safety", SafetyAsync)
            .WithSummary("安否: each citizen's latest answer (無事です / 助けが必要) under a switch (switchId; default the one in force, else the last answered), 助けが必要 first, with the counts.");
        mode.MapPost("/safety/{userId}/handled", HandledAsync).ForEditors().Refuses(404)
            .WithSummary("Marks a citizen's 助けが必要 handled (switchId as for /safety): the banner and the alerts count them no more until they answer again.");
        return api;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> HandledAsync(
        string userId, long? switchId, SafetyReports queue, HttpContext context, CancellationToken cancellationToken) =>
        await queue.MarkHandledAsync(switchId, userId, StaffActor.Of(context), cancellationToken)
            ? TypedResults.NoContent()
            : StaffProblems.Refused(StatusCodes.Status404NotFound, new("この市民の未対応の「助けが必要」はありません。", "This citizen has no unhandled help request."));

    private static async Task<Ok<SafetyQueueView>> SafetyAsync(long? switchId, SafetyReports queue, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queue.ReadAsync(switchId, cancellationToken));

    private static async Task<Ok<DisasterModeAnswer>> GetAsync(DisasterSwitchboard switchboard, CancellationToken cancellationToken) =>
        TypedResults.Ok(DisasterModeAnswer.Of(await switchboard.ReadAsync(cancellationToken)));

    private static async Task<Results<Ok<DisasterModeAnswer>, Accepted<DisasterModeAnswer>, ValidationProblem, ProblemHttpResult>> PutAsync(
        DisasterModeInput input, DisasterSwitchboard switchboard, HttpContext context, CancellationToken cancellationToken)
    {
        var (request, errors) = input.ToRequest();
        if (errors.Count > 0)
        {
            return StaffProblems.Invalid(errors);
        }

        var result = await switchboard.SwitchAsync(request!, StaffActor.Of(context), cancellationToken);
        var answer = DisasterModeAnswer.Of(result.View);
        return result.Outcome switch
        {
            DisasterSwitchOutcome.Switched => TypedResults.Ok(answer),
            DisasterSwitchOutcome.AwaitingConfirmation => TypedResults.Accepted("/api/v1/disaster-mode", answer),
            _ => StaffProblems.Refused(StatusCodes.Status409Conflict, result.Refused!.Value),
        };
    }

    [GeneratedRegex("^U[0-9a-f]{32}$")]
    internal static partial Regex LineUserId();
}

/// <param name="Active">On or off.</param>
/// <param name="Drill">A drill (訓練): only <paramref name="DrillAudience"/> gets the disaster menu and messages, each marked 訓練.</param>
/// <param name="DrillAudience">LINE user ids (U + 32 hex digits), with a drill only.</param>
/// <param name="Reason">Why, for the audit log and the console (required).</param>
public sealed record DisasterModeInput(bool? Active, bool? Drill, List<string>? DrillAudience, string? Reason)
{
    public (DisasterSwitchRequest? Request, Dictionary<string, Bilingual[]> Errors) ToRequest()
    {
        var errors = new Dictionary<string, Bilingual[]>();
        if (Active is null)
        {
            errors["active"] = [new("オンかオフかを指定してください。", "Say whether disaster mode is to be on (true) or off (false).")];
        }

        var reason = Reason?.Trim() ?? "";
        if (reason.Length is 0 or > DisasterModeApi.MaxReasonLength)
        {
            errors["reason"] = [new($"理由を1〜{DisasterModeApi.MaxReasonLength}文字で入力してください。", $"Give the reason in 1 to {DisasterModeApi.MaxReasonLength} characters.")];
        }

        var drill = Drill == true;
        var audience = (DrillAudience ?? []).Select(id => id?.Trim() ?? "").Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (drill && Active == false)
        {
            errors["drill"] = [new("訓練を終えるときは drill を付けずにオフにしてください。", "To end a drill, switch off without drill.")];
        }
        else if (drill && audience.Count is 0 or > DisasterModeApi.MaxDrillAudience)
        {
            errors["drillAudience"] = [new($"訓練の対象を1〜{DisasterModeApi.MaxDrillAudience}人、LINEユーザーIDで指定してください。", $"Name 1 to {DisasterModeApi.MaxDrillAudience} LINE user ids for the drill.")];
        }
        else if (!drill && audience.Count > 0)
        {
            errors["drillAudience"] = [new("対象の指定は訓練のときだけです。", "An audience is for a drill only.")];
        }
        else if (audience.FirstOrDefault(id => !DisasterModeApi.LineUserId().IsMatch(id)) is { } wrong)
        {
            errors["drillAudience"] = [new($"LINEユーザーIDではありません: {wrong}", $"Not a LINE user id: {wrong}")];
        }

        return (errors.Count > 0 ? null : new DisasterSwitchRequest(Active!.Value, drill, audience, reason), errors);
    }
}

/// <summary>Disaster mode as the API shows it.</summary>
public sealed record DisasterModeAnswer(
    bool Active, bool Drill, int DrillAudience, DisasterSwitchAnswer? Current, DisasterSwitchAnswer? Pending)
{
    public static DisasterModeAnswer Of(DisasterModeView view) => new(
        view.Active, view.Drill, view.Drill ? view.Current!.DrillAudience.Count : 0, DisasterSwitchAnswer.Of(view.Current), DisasterSwitchAnswer.Of(view.Pending));
}

/// <param name="MenusOutcome">How switching everyone's rich menu went (null while it runs).</param>
public sealed record DisasterSwitchAnswer(
    long Id, bool Active, bool Drill, string Reason, string RequestedBy, DateTimeOffset RequestedAt,
    string? ConfirmedBy, string? ConfirmReason, DateTimeOffset? ConfirmedAt, DateTimeOffset? MenusDoneAt, string? MenusOutcome)
{
    public static DisasterSwitchAnswer? Of(DisasterSwitch? s) => s is null ? null : new(
        s.Id, s.Active, s.Drill, s.Reason, s.RequestedBy, s.RequestedAt, s.ConfirmedBy, s.ConfirmReason, s.ConfirmedAt, s.MenusDoneAt, s.MenusOutcome);
}
