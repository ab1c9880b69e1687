using Dapper;

namespace OutreachBot.Webhook;

/// <summary>
/// Records that an event's reply went out, as soon as it did: LINE's reply token works once, so when the event is
/// handled again (it failed later, or its outcome was not recorded) the reply must not be sent again, by push. The
/// marks of handlers that reply at the same moment share one transaction.
/// </summary>
public sealed class InboxReplies(Database database) : IDisposable
{
    private readonly GroupCommit<(long Id, DateTimeOffset At), bool> _marks = new(async marks =>
    {
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(
            "UPDATE inbox_events SET replied_at = @At WHERE id = @Id AND replied_at IS NULL",
            marks.Select(m => new { m.Id, m.At }),
            transaction);
        await transaction.CommitAsync();
        return [.. marks.Select(_ => true)];
    });

    public Task MarkRepliedAsync(long inboxEventId, DateTimeOffset at) => _marks.SubmitAsync((inboxEventId, at));

    public void Dispose() => _marks.Dispose();
}
