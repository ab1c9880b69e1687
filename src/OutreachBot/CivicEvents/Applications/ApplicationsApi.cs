using Microsoft.AspNetCore.Http.HttpResults;
using OutreachBot.Api;
using OutreachBot.Staff;

namespace OutreachBot.CivicEvents.Applications;

/// <summary>Staff API for an event's applications: <c>/api/v1/events/{id}/applications</c>. Rosters hold personal data: editors only.</summary>
public static class ApplicationsApi
{
    public static RouteGroupBuilder MapApplicationsApi(this RouteGroupBuilder events)
    {
        var applications = events.MapGroup("/{id:long}/applications").WithTags("Events").ForEditors();
        applications.MapGet("/", ListAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The event's applications in number order (confirmed, waiting with their position, cancelled, attended); reading it is audited.");
        applications.MapPost("/", AddAsync).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("A phone or walk-in application (name, phone, partySize, answers): confirmed when it fits, else on the waiting list.");
        applications.MapPost("/{number:long}/attended", AttendedAsync).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Marks a confirmed application as attended (at the door).");
        return events;
    }

    private static async Task<Results<Ok<IEnumerable<ApplicationView>>, ProblemHttpResult>> ListAsync(
        long id, RosterService roster, HttpContext http, CancellationToken cancellationToken) =>
        await roster.ReadAsync(id, StaffActor.Of(http), cancellationToken) is { } read
            ? TypedResults.Ok(read.Applications.Select(ApplicationView.From))
            : NoEvent(id);

    private static async Task<Results<Created<ApplicationView>, ValidationProblem, ProblemHttpResult>> AddAsync(
        long id, StaffApplicationInput input, RosterService roster, CivicEventStore events, HttpContext http, CancellationToken cancellationToken)
    {
        if (await events.FindAsync(id, cancellationToken) is null)
        {
            return NoEvent(id);
        }

        var (outcome, errors) = await roster.AddAsync(id, input, StaffActor.Of(http), cancellationToken);
        if (errors.Count > 0)
        {
            return StaffProblems.Invalid(errors);
        }

        return outcome!.Result switch
        {
            ApplyResult.Confirmed or ApplyResult.Waiting =>
                TypedResults.Created($"/api/v1/events/{id}/applications/{outcome.Application!.Number}", ApplicationView.From(outcome.Application)),
            ApplyResult.PartyTooLarge => StaffProblems.Invalid(new Dictionary<string, Bilingual[]>
            {
                ["partySize"] = [new("このイベントの1回の申し込み人数を超えています。", "More people than this event allows per application.")],
            }),
            _ => StaffProblems.Refused(StatusCodes.Status409Conflict, new("このイベントは申し込みを受けていないか、中止です。", "This event takes no applications or is cancelled.")),
        };
    }

    private static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> AttendedAsync(
        long id, long number, RosterService roster, HttpContext http, CancellationToken cancellationToken) =>
        await roster.MarkAttendedAsync(id, number, StaffActor.Of(http), cancellationToken) is { } marked
            ? TypedResults.Ok(ApplicationView.From(marked))
            : StaffProblems.Refused(StatusCodes.Status404NotFound, new($"イベント{id}に確定済みの申し込み{number}番はありません。", $"Event {id} has no confirmed application {number}."));

    private static ProblemHttpResult NoEvent(long id) =>
        StaffProblems.Refused(StatusCodes.Status404NotFound, new($"イベント{id}はありません。", $"No event {id}."));
}

/// <summary>An application as staff see it.</summary>
/// <param name="Status"><c>confirmed</c>, <c>waiting</c>, <c>cancelled</c> or <c>attended</c>.</param>
/// <param name="Position">Place on the waiting list, while waiting.</param>
/// <param name="Channel"><c>line</c>, <c>staff</c> or <c>web</c>.</param>
/// <param name="UserId">The citizen's LINE user id (staff only).</param>
public sealed record ApplicationView(
    long Number,
    string Status,
    int? Position,
    int PartySize,
    IReadOnlyList<string> Answers,
    string Channel,
    string? UserId,
    string? Name,
    string? Phone,
    DateTimeOffset AppliedAt,
    DateTimeOffset? AttendedAt)
{
    public static ApplicationView From(EventApplication a) =>
        new(a.Number, a.ApiStatus, a.Position, a.PartySize, a.Answers, a.Channel, a.UserId, a.Name, a.Phone, a.AppliedAt, a.AttendedAt);
}
