using Microsoft.AspNetCore.Http.HttpResults;

namespace OutreachBot.Webhook;

/// <summary>Staff API for webhook events that could not be handled: <c>/api/v1/inbox/parked</c>.</summary>
public static class InboxApi
{
    public static RouteGroupBuilder MapInboxApi(this RouteGroupBuilder api)
    {
        var inbox = api.MapGroup("/inbox").WithTags("Inbox");
        inbox.MapGet("/parked", ListParkedAsync).WithSummary("Webhook events that failed every try, newest first.");
        inbox.MapPost("/parked/{id:long}/retry", RetryAsync).ForEditors().Refuses(404)
            .WithSummary("Puts a parked event back in line to be handled again.");
        return api;
    }

    private static async Task<Ok<ParkedPage>> ListParkedAsync(InboxStore store, int? limit, long? before, CancellationToken cancellationToken)
    {
        var take = Math.Clamp(limit ?? 50, 1, 500);
        var events = await store.ListParkedAsync(take, before ?? long.MaxValue, cancellationToken);
        return TypedResults.Ok(new ParkedPage(
            [.. events.Select(ParkedEventView.From)],
            events.Count == take ? events[^1].Id : null));
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> RetryAsync(
        long id, ParkedEventRetry retry, HttpContext context, CancellationToken cancellationToken)
    {
        if (!await retry.RetryAsync(id, StaffActor.Of(context), cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No parked event with id {id}.");
        }

        return TypedResults.Accepted((string?)null);
    }
}

/// <param name="NextBefore">Pass as <c>before</c> for the next page; null on the last page.</param>
public sealed record ParkedPage(IReadOnlyList<ParkedEventView> Items, long? NextBefore);

public sealed record ParkedEventView(
    long Id,
    string WebhookEventId,
    string Type,
    string? Source,
    DateTimeOffset EventTime,
    DateTimeOffset ReceivedAt,
    int Attempts,
    string? LastError,
    DateTimeOffset? ParkedAt)
{
    public static ParkedEventView From(ParkedEvent e) => new(
        e.Id,
        e.WebhookEventId,
        e.Type,
        e.SourceKey,
        e.OccurredAt,
        e.ReceivedAt,
        e.Attempts,
        e.LastError,
        e.ParkedAt);
}
