using Microsoft.AspNetCore.Http.HttpResults;
using OutreachBot.Conversations;
using OutreachBot.LineSending;

namespace OutreachBot.Consultations;

/// <summary>Staff API for citizens' questions: <c>/api/v1/consultations</c>, and answering one by push.</summary>
public static class ConsultationsApi
{
    public static RouteGroupBuilder MapConsultationsApi(this RouteGroupBuilder api)
    {
        var consultations = api.MapGroup("/consultations").WithTags("Consultations");
        consultations.MapGet("/", ListAsync).WithSummary("Citizens' questions, oldest first; status = open (default), answered, closed or all.");
        consultations.MapGet("/{id:long}", GetAsync).Refuses(404);
        consultations.MapPost("/{id:long}/answer", AnswerAsync).ForEditors().Refuses(404, 409, 502)
            .WithSummary("Sends staff's answer to the citizen (push, counted in the month's quota) and marks the question answered.");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<Consultation>>, ValidationProblem>> ListAsync(string? status, ConsultationStore store, CancellationToken cancellationToken)
    {
        var filter = status ?? "open";
        if (filter is not ("open" or "answered" or "closed" or "all"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["open, answered, closed, all"] });
        }

        return TypedResults.Ok(await store.ListAsync(filter == "all" ? null : filter, 500, cancellationToken));
    }

    private static async Task<Results<Ok<Consultation>, ProblemHttpResult>> GetAsync(long id, ConsultationStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } found ? TypedResults.Ok(found) : NotFound(id);

    private static async Task<Results<Ok<Consultation>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        long id, AnswerInput input, ConsultationStore store, ConsultationReplies replies, HttpContext http,
        CancellationToken cancellationToken)
    {
        var answer = input.Text?.Trim() ?? "";
        if (answer.Length is 0 or > ConsultationReplies.MaxLength)
        {
            return StaffProblems.Invalid(new Dictionary<string, Bilingual[]>
            {
                ["text"] = [new($"回答は1〜{ConsultationReplies.MaxLength}文字です。", $"The answer takes 1 to {ConsultationReplies.MaxLength} characters.")],
            });
        }

        if (await store.FindAsync(id, cancellationToken) is not { } consultation)
        {
            return NotFound(id);
        }

        if (consultation.Status != "open")
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"Question {id} is already {consultation.Status}.");
        }

        // The same answer to the same question has the same retry key: sending it twice (a double click, a retry
        // after a lost response) reaches the citizen once.
        var outcome = await replies.SendAsync(consultation, answer, StaffActor.Of(http), RetryKey(id, answer), wholeThread: false, cancellationToken);
        if (!outcome.Sent)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status502BadGateway, title: "LINE did not accept the answer; it was not recorded. Try again.", detail: outcome.LineMessage);
        }

        return TypedResults.Ok(await store.FindAsync(id, cancellationToken));
    }

    private static Guid RetryKey(long id, string answer) => RetryKeys.From($"outreachbot-consultation:{id}:{answer}");

    private static ProblemHttpResult NotFound(long id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No question {id}.");
}

public sealed record AnswerInput(string? Text);
