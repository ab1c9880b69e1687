using Microsoft.AspNetCore.Http.HttpResults;

namespace OutreachBot.Disaster.Templates;

/// <summary>Staff API for the disaster templates: <c>/api/v1/disaster-templates</c>.</summary>
public static class DisasterTemplateApi
{
    public const int MaxNameLength = 100;
    public const int MaxTitleLength = 100;
    public const int MaxBodyLength = 2000;

    public static RouteGroupBuilder MapDisasterTemplateApi(this RouteGroupBuilder api)
    {
        var templates = api.MapGroup("/disaster-templates").WithTags("Disaster templates");
        templates.MapGet("/", ListAsync).WithSummary("Disaster templates: name, title and body per language, and the languages still missing (all seven needed to start a broadcast).");
        templates.MapGet("/{id:long}", GetAsync).Refuses(404);
        templates.MapPost("/", CreateAsync).ForEditors().WithSummary("Adds a template (texts.ja required; the other languages may follow).");
        templates.MapPut("/{id:long}", UpdateAsync).ForEditors().Refuses(404);
        templates.MapDelete("/{id:long}", DeleteAsync).ForEditors().Refuses(404);
        return api;
    }

    private static async Task<Ok<List<DisasterTemplateAnswer>>> ListAsync(DisasterTemplateStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListAsync(cancellationToken)).Select(DisasterTemplateAnswer.Of).ToList());

    private static async Task<Results<Ok<DisasterTemplateAnswer>, ProblemHttpResult>> GetAsync(long id, DisasterTemplateStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } template ? TypedResults.Ok(DisasterTemplateAnswer.Of(template)) : NotFound(id);

    private static async Task<Results<Created<DisasterTemplateAnswer>, ValidationProblem>> CreateAsync(
        DisasterTemplateInput input, DisasterTemplateStore store, DisasterTemplateEditor editor, HttpContext context, CancellationToken cancellationToken)
    {
        var (draft, errors) = input.ToDraft();
        if (errors.Count > 0)
        {
            return StaffProblems.Invalid(errors);
        }

        var id = await editor.CreateAsync(draft!, StaffActor.Of(context), cancellationToken);
        return TypedResults.Created($"/api/v1/disaster-templates/{id}", DisasterTemplateAnswer.Of((await store.FindAsync(id, cancellationToken))!));
    }

    private static async Task<Results<Ok<DisasterTemplateAnswer>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, DisasterTemplateInput input, DisasterTemplateStore store, DisasterTemplateEditor editor, HttpContext context, CancellationToken cancellationToken)
    {
        var (draft, errors) = input.ToDraft();
        if (errors.Count > 0)
        {
            return StaffProblems.Invalid(errors);
        }

        return await editor.UpdateAsync(id, draft!, StaffActor.Of(context), cancellationToken)
            ? TypedResults.Ok(DisasterTemplateAnswer.Of((await store.FindAsync(id, cancellationToken))!))
            : NotFound(id);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        long id, DisasterTemplateEditor editor, HttpContext context, CancellationToken cancellationToken) =>
        await editor.DeleteAsync(id, StaffActor.Of(context), cancellationToken) ? TypedResults.NoContent() : NotFound(id);

    private static ProblemHttpResult NotFound(long id) =>
        StaffProblems.Refused(StatusCodes.Status404NotFound, new($"テンプレート {id} はありません。", $"No disaster template {id}."));
}

/// <param name="Missing">Language codes without a title and body yet.</param>
public sealed record DisasterTemplateAnswer(long Id, string Name, IReadOnlyDictionary<string, TemplateText> Texts, IReadOnlyList<string> Missing, DateTimeOffset UpdatedAt)
{
    public static DisasterTemplateAnswer Of(DisasterTemplate t) => new(t.Id, t.Name, t.Texts, t.Missing, t.UpdatedAt);
}

/// <param name="Texts">Per language code a title and a body; a language with both blank is left out (missing).</param>
public sealed record DisasterTemplateInput(string? Name, Dictionary<string, TemplateTextInput?>? Texts)
{
    public (DisasterTemplateDraft? Draft, Dictionary<string, Bilingual[]> Errors) ToDraft()
    {
        var errors = new Dictionary<string, Bilingual[]>();
        var name = Name?.Trim() ?? "";
        if (name.Length is 0 or > DisasterTemplateApi.MaxNameLength)
        {
            errors["name"] = [new($"名前を1〜{DisasterTemplateApi.MaxNameLength}文字で入力してください。", $"Give the name in 1 to {DisasterTemplateApi.MaxNameLength} characters.")];
        }

        var texts = new Dictionary<string, TemplateText>(StringComparer.Ordinal);
        foreach (var (language, text) in Texts ?? [])
        {
            var (title, body) = (text?.Title?.Trim() ?? "", text?.Body?.Trim() ?? "");
            if (title.Length == 0 && body.Length == 0)
            {
                continue;
            }

            if (!Languages.IsSupported(language))
            {
                errors[$"texts.{language}"] = [new("対応していない言語です。", "Unsupported language.")];
            }
            else if (title.Length is 0 or > DisasterTemplateApi.MaxTitleLength)
            {
                errors[$"texts.{language}.title"] = [new($"件名を1〜{DisasterTemplateApi.MaxTitleLength}文字で入力してください（本文だけは使えません）。", $"Give the title in 1 to {DisasterTemplateApi.MaxTitleLength} characters (a body alone cannot be used).")];
            }
            else if (body.Length is 0 or > DisasterTemplateApi.MaxBodyLength)
            {
                errors[$"texts.{language}.body"] = [new($"本文を1〜{DisasterTemplateApi.MaxBodyLength}文字で入力してください。", $"Give the body in 1 to {DisasterTemplateApi.MaxBodyLength} characters.")];
            }
            else
            {
                texts[language] = new TemplateText(title, body);
            }
        }

        if (!texts.ContainsKey(Languages.Japanese) && !errors.Keys.Any(k => k.StartsWith("texts.ja.", StringComparison.Ordinal)))
        {
            errors["texts.ja.title"] = [new("日本語の件名と本文を入力してください。", "Give the Japanese title and body.")];
        }

        return errors.Count > 0 ? (null, errors) : (new DisasterTemplateDraft(name, texts), errors);
    }
}

public sealed record TemplateTextInput(string? Title, string? Body);
