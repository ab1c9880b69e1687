using OutreachBot.Api;
using OutreachBot.StaffConsole;

namespace OutreachBot.Subscriptions;

/// <summary>Staff API for topics: <c>/api/v1/topics</c>.</summary>
public static class TopicsApi
{
    public static RouteGroupBuilder MapTopicsApi(this RouteGroupBuilder api)
    {
        var topics = api.MapGroup("/topics").WithTags("Topics");
        topics.MapGet("/", ListAsync).WithSummary("Topics in display order with their subscriber counts.");
        topics.MapGet("/{slug}", GetAsync);
        topics.MapPost("/", CreateAsync).ForEditors().WithSummary("Creates a topic; a Japanese name is required.");
        topics.MapPut("/{slug}", UpdateAsync).ForEditors().WithSummary("Replaces a topic's names, descriptions, order and archived flag.");
        return api;
    }

    private static async Task<IEnumerable<TopicView>> ListAsync(TopicStore store, bool? includeArchived, CancellationToken cancellationToken) =>
        (await store.ListAsync(includeArchived ?? true, cancellationToken)).Select(TopicView.From);

    private static async Task<IResult> GetAsync(string slug, TopicStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(slug, cancellationToken) is { } topic ? Results.Ok(TopicView.From(topic)) : NotFound(slug);

    private static async Task<IResult> CreateAsync(
        TopicInput input, TopicStore store, AuditLog audit, HttpContext context, TimeProvider time, CancellationToken cancellationToken)
    {
        var draft = input.ToDraft(input.Slug ?? "");
        var errors = TopicValidation.Check(draft);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        if (!await store.CreateAsync(draft, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken))
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: $"A topic '{draft.Slug}' already exists.");
        }

        await audit.WriteAsync(context, AuditActions.TopicCreated, draft.Slug, draft.Names.GetValueOrDefault(Languages.Japanese));
        var created = (await store.FindAsync(draft.Slug, cancellationToken))!;
        return Results.Created($"/api/v1/topics/{created.Slug}", TopicView.From(created));
    }

    private static async Task<IResult> UpdateAsync(
        string slug, TopicInput input, TopicStore store, AuditLog audit, HttpContext context, TimeProvider time, CancellationToken cancellationToken)
    {
        if (input.Slug is not null && input.Slug != slug)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["slug"] = ["スラッグは変更できません。 / The slug cannot change."] });
        }

        var draft = input.ToDraft(slug);
        var errors = TopicValidation.Check(draft);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        if (!await store.UpdateAsync(draft, time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken))
        {
            return NotFound(slug);
        }

        await audit.WriteAsync(context, AuditActions.TopicUpdated, slug, draft.Names.GetValueOrDefault(Languages.Japanese));
        return Results.Ok(TopicView.From((await store.FindAsync(slug, cancellationToken))!));
    }

    private static IResult NotFound(string slug) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No topic '{slug}'.");
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
