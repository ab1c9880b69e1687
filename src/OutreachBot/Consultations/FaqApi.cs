using Microsoft.AspNetCore.Http.HttpResults;
using OutreachBot.Conversations;

namespace OutreachBot.Consultations;

/// <summary>Staff API for FAQ keywords and answers: <c>/api/v1/faq</c>.</summary>
public static class FaqApi
{
    public const int MaxAnswerLength = 2000;
    public const int MaxKeywords = 20;
    public const int MaxKeywordLength = 50;

    public static RouteGroupBuilder MapFaqApi(this RouteGroupBuilder api)
    {
        var faq = api.MapGroup("/faq").WithTags("FAQ");
        faq.MapGet("/", ListAsync).WithSummary("FAQ entries: language, keywords and answer.");
        faq.MapGet("/{id:long}", GetAsync).Refuses(404);
        faq.MapPost("/", CreateAsync).ForEditors().WithSummary("Adds an answer given at once to texts (in that language) that contain one of the keywords.");
        faq.MapPut("/{id:long}", UpdateAsync).ForEditors().Refuses(404)
            .WithSummary("Replaces an entry; archived: true stops it answering.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<FaqEntry>>> ListAsync(FaqStore store, bool? includeArchived, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(includeArchived ?? true, cancellationToken));

    private static async Task<Results<Ok<FaqEntry>, ProblemHttpResult>> GetAsync(long id, FaqStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } entry ? TypedResults.Ok(entry) : NotFound(id);

    private static async Task<Results<Created<FaqEntry>, ValidationProblem>> CreateAsync(
        FaqInput input, FaqStore store, FaqEditor editor, HttpContext context, CancellationToken cancellationToken)
    {
        var (draft, errors) = input.ToDraft();
        if (errors.Count > 0)
        {
            return StaffProblems.Invalid(errors);
        }

        var id = await editor.CreateAsync(draft, StaffActor.Of(context), cancellationToken);
        return TypedResults.Created($"/api/v1/faq/{id}", await store.FindAsync(id, cancellationToken));
    }

    private static async Task<Results<Ok<FaqEntry>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, FaqInput input, FaqStore store, FaqEditor editor, HttpContext context, CancellationToken cancellationToken)
    {
        var (draft, errors) = input.ToDraft();
        if (errors.Count > 0)
        {
            return StaffProblems.Invalid(errors);
        }

        return await editor.UpdateAsync(id, draft, StaffActor.Of(context), cancellationToken)
            ? TypedResults.Ok(await store.FindAsync(id, cancellationToken))
            : NotFound(id);
    }

    private static ProblemHttpResult NotFound(long id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No FAQ entry {id}.");
}

/// <param name="Keywords">Words or phrases; a citizen's text containing one (ignoring full/half width and case) gets the answer.</param>
public sealed record FaqInput(string? Language, List<string>? Keywords, string? Answer, bool? Archived)
{
    public (FaqDraft Draft, Dictionary<string, Bilingual[]> Errors) ToDraft()
    {
        var errors = new Dictionary<string, Bilingual[]>();
        var language = Language ?? Languages.Japanese;
        if (!Languages.IsSupported(language))
        {
            errors["language"] = [new($"対応していない言語です（{string.Join(", ", Languages.Supported.Select(l => l.Code))}）。", "Unsupported language.")];
        }

        var keywords = (Keywords ?? []).Select(k => TextCommands.Normalize(k ?? "")).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (keywords.Count is 0 or > FaqApi.MaxKeywords)
        {
            errors["keywords"] = [new($"キーワードを1〜{FaqApi.MaxKeywords}個入力してください。", $"Give 1 to {FaqApi.MaxKeywords} keywords.")];
        }
        else if (keywords.Any(k => k.Length is < 2 or > FaqApi.MaxKeywordLength))
        {
            errors["keywords"] = [new($"キーワードは2〜{FaqApi.MaxKeywordLength}文字です。", $"Each keyword takes 2 to {FaqApi.MaxKeywordLength} characters.")];
        }

        var answer = Answer?.Trim() ?? "";
        if (answer.Length is 0 or > FaqApi.MaxAnswerLength)
        {
            errors["answer"] = [new($"回答は1〜{FaqApi.MaxAnswerLength}文字です。", $"The answer takes 1 to {FaqApi.MaxAnswerLength} characters.")];
        }

        return (new FaqDraft(language, keywords, answer, Archived ?? false), errors);
    }
}
