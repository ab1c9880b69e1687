using Microsoft.AspNetCore.Http.HttpResults;

namespace OutreachBot.Subscriptions;

/// <summary>Staff API for topics: <c>/api/v1/topics</c>.</summary>
public static class TopicsApi
{
    public static RouteGroupBuilder MapTopicsApi(this RouteGroupBuilder api)
    {
        var topics = api.MapGroup("/topics").WithTags("Topics");
        topics.MapGet("/", ListAsync).WithSummary("Topics in display order with their subscriber counts.");
        topics.MapGet("/{slug}", GetAsync).Refuses(404);
        topics.MapPost("/", CreateAsync).ForEditors().Refuses(409)
            .WithSummary("Creates a topic; a Japanese name is required.");
        topics.MapPut("/{slug}", UpdateAsync).ForEditors().Refuses(404)
            .WithSummary("Replaces a topic's names, descriptions, order and archived flag.");
        return api;
    }

    private static async Task<Ok<IEnumerable<TopicView>>> ListAsync(TopicStore store, bool? includeArchived, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListAsync(includeArchived ?? true, cancellationToken)).Select(TopicView.From));

    private static async Task<Results<Ok<TopicView>, ProblemHttpResult>> GetAsync(string slug, TopicStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(slug, cancellationToken) is { } topic ? TypedResults.Ok(TopicView.From(topic)) : NotFound(slug);

    private static async Task<Results<Created<TopicView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        TopicInput input, TopicStore store, TopicEditor editor, HttpContext context, CancellationToken cancellationToken)
    {
        var draft = input.ToDraft(input.Slug ?? "");
        var errors = TopicValidation.Check(draft);
        if (errors.Count > 0)
        {
            return StaffProblems.Invalid(errors);
        }

        if (!await editor.CreateAsync(draft, StaffActor.Of(context), cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"A topic '{draft.Slug}' already exists.");
        }

        var created = (await store.FindAsync(draft.Slug, cancellationToken))!;
        return TypedResults.Created($"/api/v1/topics/{created.Slug}", TopicView.From(created));
    }

    private static async Task<Results<Ok<TopicView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string slug, TopicInput input, TopicStore store, TopicEditor editor, HttpContext context, CancellationToken cancellationToken)
    {
        if (input.Slug is not null && input.Slug != slug)
        {
            return StaffProblems.Invalid(new Dictionary<string, Bilingual[]> { ["slug"] = [new("スラッグは変更できません。", "The slug cannot change.")] });
        }

        var draft = input.ToDraft(slug);
        var errors = TopicValidation.Check(draft);
        if (errors.Count > 0)
        {
            return StaffProblems.Invalid(errors);
        }

        if (!await editor.UpdateAsync(draft, StaffActor.Of(context), cancellationToken))
        {
            return NotFound(slug);
        }

        return TypedResults.Ok(TopicView.From((await store.FindAsync(slug, cancellationToken))!));
    }

    private static ProblemHttpResult NotFound(string slug) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No topic '{slug}'.");
}

public sealed record TopicInput(
    string? Slug,
    Dictionary<string, string>? Names,
    Dictionary<string, string>? Descriptions,
    int? Order,
    bool? Archived,
    string? Parent)
{
    public TopicDraft ToDraft(string slug) =>
        new(slug, Names ?? [], Descriptions, Order ?? 0, Archived ?? false, string.IsNullOrWhiteSpace(Parent) ? null : Parent);
}

public sealed record TopicView(
    string Slug,
    IReadOnlyDictionary<string, string> Names,
    IReadOnlyDictionary<string, string> Descriptions,
    int Order,
    bool Archived,
    string? Parent,
    long SubscriberCount)
{
    public static TopicView From(Topic t) => new(t.Slug, t.Names, t.Descriptions, t.Order, t.Archived, t.ParentSlug, t.SubscriberCount);
}
