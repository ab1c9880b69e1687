using Microsoft.AspNetCore.Http.HttpResults;

namespace OutreachBot.MailSubscribers;

/// <summary>Admins' API for e-mail subscribers: <c>GET /api/v1/mail-subscribers</c> and <c>DELETE /api/v1/mail-subscribers/{id}</c>.</summary>
public static class MailSubscribersApi
{
    public static RouteGroupBuilder MapMailSubscribersApi(this RouteGroupBuilder api)
    {
        var subscribers = api.MapGroup("/mail-subscribers").WithTags("Mail subscribers").ForAdmins();
        subscribers.MapGet("", ListAsync)
            .WithSummary("E-mail subscribers, newest first, filtered by status and topic, a page at a time (page from 1, at most 500 a page).");
        subscribers.MapDelete("/{id:long}", RemoveAsync).Refuses(404)
            .WithSummary("Removes a subscriber: the address is erased, the topics' periods close, the row stays for the counts.");
        return api;
    }

    private static async Task<Results<Ok<MailSubscriberListView>, ValidationProblem>> ListAsync(
        MailSubscriberList list, string? status, string? topic, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        if (status is not null && !MailSubscriberStatus.All.Contains(status))
        {
            return StaffProblems.Invalid(new Dictionary<string, Bilingual[]>
            {
                ["status"] = [new("status は pending, confirmed, unsubscribed, suppressed のどれかです。", "status is one of pending, confirmed, unsubscribed, suppressed.")],
            });
        }

        var size = Math.Clamp(pageSize ?? 50, 1, 500);
        var number = Math.Max(1, page ?? 1);
        var result = await list.ListAsync(new MailSubscriberFilter(status, topic, number, size), cancellationToken);
        return TypedResults.Ok(new MailSubscriberListView([.. result.Subscribers.Select(MailSubscriberView.From)], result.Total, number, size));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(
        long id, MailSubscriberAdmin admin, HttpContext context, CancellationToken cancellationToken) =>
        await admin.RemoveAsync(id, StaffActor.Of(context), cancellationToken)
            ? TypedResults.NoContent()
            : StaffProblems.Refused(StatusCodes.Status404NotFound, new($"メール購読者 {id} はいません（削除済みを含む）。", $"No e-mail subscriber {id} (or already removed)."));
}

public sealed record MailSubscriberListView(IReadOnlyList<MailSubscriberView> Items, long Total, int Page, int PageSize);

/// <param name="Address">Null once the subscriber left or was removed.</param>
public sealed record MailSubscriberView(
    long Id,
    string? Address,
    string Status,
    string Source,
    string Language,
    IReadOnlyList<string> Topics,
    DateTimeOffset? OptedInAt,
    int ConsecutiveFailures,
    string? LastFailure,
    DateTimeOffset? LastFailureAt)
{
    public static MailSubscriberView From(ListedMailSubscriber listed)
    {
        ArgumentNullException.ThrowIfNull(listed);
        var s = listed.Subscriber;
        return new(s.Id, s.Address, s.Status, s.Source, s.Language, listed.Topics, s.OptedInAt, s.ConsecutiveFailures, s.LastFailure, s.LastFailureAt);
    }
}
