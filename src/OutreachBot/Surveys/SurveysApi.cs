using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OutreachBot.Api;
using OutreachBot.Broadcasts.Authoring;

namespace OutreachBot.Surveys;

/// <summary>Staff API for surveys: <c>/api/v1/surveys</c>.</summary>
public static class SurveysApi
{
    public static RouteGroupBuilder MapSurveysApi(this IEndpointRouteBuilder app)
    {
        var surveys = app.MapStaffApiGroup().MapGroup("/surveys").WithTags("Surveys");
        surveys.MapGet("/", ListAsync).WithSummary("Every survey, newest first.");
        surveys.MapGet("/{id:long}", GetAsync).Refuses(404);
        surveys.MapPost("/", CreateAsync).ForEditors()
            .WithSummary("Creates a survey: 1-10 questions (single, multiple, scale 1-5, text) with texts per language, Japanese required; closesAt in ISO 8601, without an offset in Bot:TimeZone.");
        surveys.MapPut("/{id:long}", ReplaceAsync).ForEditors().Refuses(404, 409)
            .WithSummary("Replaces a survey's title, questions and settings, as for creating it; refused (409) once somebody has begun to answer.");
        surveys.MapPost("/{id:long}/close", CloseAsync).ForEditors().Refuses(404, 409)
            .WithSummary("Closes the survey now, before its closesAt: answers are refused from then on; 409 when it has closed already.");
        surveys.MapGet("/{id:long}/results", ResultsAsync).Refuses(404)
            .WithSummary("Counts and percentages per answer, by language and by topic, each count under Surveys:MinCellSize hidden (null); typed answers listed.");
        surveys.MapGet("/{id:long}/results.csv", ResultsCsvAsync).Refuses(404).Produces<byte[]>(StatusCodes.Status200OK, "text/csv")
            .WithSummary("The results as CSV (UTF-8 with BOM), one row per question, group and answer, small cells empty.");
        surveys.MapPost("/{id:long}/send", SendAsync).ForEditors().Refuses(404, 409)
            .WithSummary("Makes a broadcast of the survey's invitation with its start button: target and schedule as for broadcasts, approval as for any broadcast.");
        return surveys;
    }

    private static async Task<Ok<IReadOnlyList<Survey>>> ListAsync(SurveyStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(cancellationToken));

    private static async Task<Results<Ok<Survey>, ProblemHttpResult>> GetAsync(long id, SurveyStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } survey ? TypedResults.Ok(survey) : NotFound(id);

    private static async Task<Results<Created<Survey>, ValidationProblem>> CreateAsync(
        SurveyInput input, SurveyStore store, SurveyEditor editor, IOptions<BotOptions> bot, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        var (draft, errors) = input.ToDraft(bot.Value.Zone, time.GetUtcNow());
        if (draft is null)
        {
            return StaffProblems.Invalid(errors);
        }

        var id = await editor.CreateAsync(draft, StaffActor.Of(http), cancellationToken);
        return TypedResults.Created($"/api/v1/surveys/{id}", await store.FindAsync(id, cancellationToken));
    }

    private static async Task<Results<Ok<Survey>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        long id, SurveyInput input, SurveyStore store, SurveyEditor editor, IOptions<BotOptions> bot, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is null)
        {
            return NotFound(id);
        }

        var (draft, errors) = input.ToDraft(bot.Value.Zone, time.GetUtcNow());
        if (draft is null)
        {
            return StaffProblems.Invalid(errors);
        }

        return await editor.ReplaceAsync(id, draft, StaffActor.Of(http), cancellationToken)
            ? TypedResults.Ok(await store.FindAsync(id, cancellationToken))
            : StaffProblems.Refused(StatusCodes.Status409Conflict, new("回答が始まったアンケートは変更できません。締め切って新しく作ってください。", "Somebody has begun to answer: close the survey and make a new one."));
    }

    private static async Task<Results<Ok<Survey>, ProblemHttpResult>> CloseAsync(
        long id, SurveyStore store, SurveyEditor editor, HttpContext http, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is null)
        {
            return NotFound(id);
        }

        return await editor.CloseAsync(id, StaffActor.Of(http), cancellationToken)
            ? TypedResults.Ok(await store.FindAsync(id, cancellationToken))
            : StaffProblems.Refused(StatusCodes.Status409Conflict, new("このアンケートは締め切り済みです。", "The survey has closed already."));
    }

    private static async Task<Results<Created<BroadcastView>, ValidationProblem, ProblemHttpResult>> SendAsync(
        long id, SurveySendInput input, SurveyStore store, SurveySending sending, BroadcastReader reader, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } survey)
        {
            return NotFound(id);
        }

        if (!survey.IsOpenAt(time.GetUtcNow()))
        {
            return StaffProblems.Refused(StatusCodes.Status409Conflict, new("締め切ったアンケートは送れません。", "The survey has closed."));
        }

        var outcome = await sending.SendAsync(survey, input, StaffActor.Of(http), cancellationToken);
        return outcome switch
        {
            { Ok: true } => TypedResults.Created($"/api/v1/broadcasts/{outcome.Id}", await reader.GetAsync(outcome.Id, cancellationToken)),
            { Errors: { } errors } => StaffProblems.Invalid(errors),
            _ => StaffProblems.Refused(outcome.Status, outcome.Problem ?? new("配信を作れませんでした。", "The broadcast could not be made.")),
        };
    }

    private static async Task<Results<Ok<SurveyResultsView>, ProblemHttpResult>> ResultsAsync(
        long id, SurveyStore store, SurveyResults results, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } survey ? TypedResults.Ok(await results.ForAsync(survey, cancellationToken)) : NotFound(id);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ResultsCsvAsync(
        long id, SurveyStore store, SurveyResults results, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } survey
            ? TypedResults.File(SurveyResultsCsv.Write(await results.ForAsync(survey, cancellationToken)), "text/csv; charset=utf-8", $"survey-{id}-results.csv")
            : NotFound(id);

    internal static ProblemHttpResult NotFound(long id) =>
        StaffProblems.Refused(StatusCodes.Status404NotFound, new($"アンケート {id} はありません。", $"No survey {id}."));
}
