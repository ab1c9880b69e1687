using System.Data.Common;
using Dapper;
using Microsoft.Extensions.Options;
using OutreachBot.Broadcasts;

namespace OutreachBot.Meta;

public static class SocialStatus
{
    public const string Pending = "pending";
    public const string Published = "published";
    public const string Failed = "failed";
    public const string NeedsCheck = "needs-check";
    public const string Cancelled = "cancelled";
    public const string Deleted = "deleted";
}

/// <summary>One run's post to one channel (<c>facebook</c> or <c>instagram</c>), as <c>social_posts</c> holds it.</summary>
public sealed record SocialPostRow
{
    public long Id { get; init; }
    public long RunId { get; init; }
    public long BroadcastId { get; init; }
    public required string Channel { get; init; }
    public required string Status { get; init; }
    public required string Message { get; init; }
    public string? ImageUrl { get; init; }
    public string? Link { get; init; }
    public string? ContainerId { get; init; }
    public string? PostId { get; init; }
    public string? Url { get; init; }
    public string? Error { get; init; }
    public string? Reason { get; init; }
    public int Attempts { get; init; }
    public int Looks { get; init; }
    public DateTimeOffset DueAt { get; init; }
    public DateTimeOffset? IntentAt { get; init; }
    public DateTimeOffset? PublishedAt { get; init; }
    public string? DecidedBy { get; init; }
}

/// <summary>
/// The ledger of social posts. Every change that matters for publishing once (the intent before a call, the post id
/// after it) commits durably before the next step.
/// </summary>
public sealed class SocialPostStore(Database database, IOptions<BotOptions> bot, IOptions<BroadcastOptions> broadcasts, IOptions<MetaOptions> options, TimeProvider time)
{
    private const string Columns = """
        id AS Id, run_id AS RunId, broadcast_id AS BroadcastId, channel AS Channel, status AS Status, message AS Message,
        image_url AS ImageUrl, link AS Link, container_id AS ContainerId, post_id AS PostId, url AS Url, error AS Error,
        reason AS Reason, attempts AS Attempts, looks AS Looks, due_at AS DueAt, intent_at AS IntentAt,
        published_at AS PublishedAt, decided_by AS DecidedBy
        """;

    public static string ChannelName(BroadcastChannel channel) => BroadcastNames.Of(channel);

    /// <summary>
    /// In the run's own transaction: a pending post per social channel of the broadcast, its text built now; due at
    /// once, or when quiet hours end if staff ticked that they hold it.
    /// </summary>
    public async Task PlanAsync(DbConnection connection, DbTransaction transaction, long runId, Broadcast broadcast, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        if (!broadcast.Channels.Any(c => c is BroadcastChannel.Facebook or BroadcastChannel.Instagram))
        {
            return;
        }

        var post = SocialPost.From(broadcast.MessagesJson, bot.Value.Zone, broadcast.Social);
        var quiet = new Broadcasts.Scheduling.QuietHours(broadcasts.Value.QuietHoursStart, broadcasts.Value.QuietHoursEnd, bot.Value.Zone);
        var due = broadcast.Social.HoldInQuietHours ? quiet.MoveAfter(now) : now;
        foreach (var channel in broadcast.Channels.Where(c => c is BroadcastChannel.Facebook or BroadcastChannel.Instagram))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO social_posts (run_id, broadcast_id, channel, message, image_url, link, due_at, reason)
                VALUES (@RunId, @BroadcastId, @Channel, @Message, @ImageUrl, @Link, @Due, @Reason)
                ON CONFLICT (run_id, channel) DO NOTHING
                """,
                new { RunId = runId, BroadcastId = broadcast.Id, Channel = ChannelName(channel), Message = post.Text, post.ImageUrl, post.Link, Due = due,
                    Reason = due > now ? $"配信停止時間帯（{quiet.Describe()}）が終わるまで待っています / Held until quiet hours end" : null },
                transaction,
                cancellationToken: cancellationToken));
        }
    }

    /// <summary>A dead process's claims, on SQLite: a post with an intent is looked for before it is posted again.</summary>
    public Task<int> ReleaseOrphanedClaimsAsync(CancellationToken cancellationToken) =>
        database.ReleaseOrphanedClaimsAsync(
            "UPDATE social_posts SET claimed_until = NULL WHERE status = 'pending' AND claimed_until IS NOT NULL", null, cancellationToken);

    /// <summary>Due pending posts, each claimed for a lease so that two instances never work on one at once.</summary>
    public async Task<IReadOnlyList<SocialPostRow>> ClaimAsync(int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenDurableAsync(cancellationToken);
        var rows = await connection.QueryAsync<SocialPostRow>(new CommandDefinition(
            $"""
            UPDATE social_posts SET claimed_until = @Until
            WHERE id IN (
                SELECT p.id FROM social_posts p
                WHERE p.status = 'pending' AND p.due_at <= @Now AND (p.claimed_until IS NULL OR p.claimed_until < @Now)
                ORDER BY p.due_at LIMIT @Limit {database.Dialect.SkipLockedOf("p")})
            RETURNING {Columns}
            """,
            new { Now = now, Until = now + options.Value.AttemptTimeout * 6, Limit = limit },
            cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>Committed before a call that may publish: from now on, this post is looked for before it is posted again.</summary>
    public Task RecordIntentAsync(long id, CancellationToken cancellationToken) =>
        UpdateAsync(id, "intent_at = @Now, attempts = attempts + 1", new { }, cancellationToken);

    public Task RecordContainerAsync(long id, string containerId, CancellationToken cancellationToken) =>
        UpdateAsync(id, "container_id = @ContainerId", new { ContainerId = containerId }, cancellationToken);

    public Task PublishedAsync(long id, string postId, string? url, CancellationToken cancellationToken) =>
        UpdateAsync(id, "status = 'published', post_id = @PostId, url = @Url, published_at = @Now, error = NULL, reason = NULL, claimed_until = NULL",
            new { PostId = postId, Url = url }, cancellationToken);

    public Task FailedAsync(long id, string error, CancellationToken cancellationToken) =>
        UpdateAsync(id, "status = 'failed', error = @Error, intent_at = NULL, claimed_until = NULL", new { Error = error }, cancellationToken);

    public Task NeedsCheckAsync(long id, string reason, CancellationToken cancellationToken) =>
        UpdateAsync(id, "status = 'needs-check', reason = @Reason, claimed_until = NULL", new { Reason = reason }, cancellationToken);

    /// <summary>Waits until <paramref name="dueAt"/> with the reason staff see; the intent, if any, stays and is looked for first.</summary>
    public Task DeferAsync(long id, DateTimeOffset dueAt, string reason, string? error, CancellationToken cancellationToken) =>
        UpdateAsync(id, "due_at = @DueAt, reason = @Reason, error = @Error, claimed_until = NULL", new { DueAt = dueAt, Reason = reason, Error = error }, cancellationToken);

    /// <summary>A look for an unrecorded outcome failed; the count decides when staff must check.</summary>
    public async Task<int> LookFailedAsync(long id, DateTimeOffset dueAt, string reason, CancellationToken cancellationToken)
    {
        await UpdateAsync(id, "looks = looks + 1, due_at = @DueAt, reason = @Reason, claimed_until = NULL", new { DueAt = dueAt, Reason = reason }, cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT looks FROM social_posts WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
    }

    /// <summary>A container to make again (it failed or expired): no media came of it, so nothing was published.</summary>
    public Task ForgetContainerAsync(long id, DateTimeOffset dueAt, string reason, CancellationToken cancellationToken) =>
        UpdateAsync(id, "container_id = NULL, intent_at = NULL, due_at = @DueAt, reason = @Reason, claimed_until = NULL", new { DueAt = dueAt, Reason = reason }, cancellationToken);

    /// <summary>Staff's choice for a post that needs checking: post it (again) from scratch, or leave it unposted. False when it does not need checking.</summary>
    public async Task<bool> DecideAsync(long broadcastId, string channel, bool post, string by, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenDurableAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            post
                ? """
                  UPDATE social_posts SET status = 'pending', intent_at = NULL, container_id = NULL, looks = 0, due_at = @Now, reason = NULL, decided_by = @By
                  WHERE broadcast_id = @BroadcastId AND channel = @Channel AND status = 'needs-check'
                  """
                : """
                  UPDATE social_posts SET status = 'failed', error = @Error, decided_by = @By
                  WHERE broadcast_id = @BroadcastId AND channel = @Channel AND status = 'needs-check'
                  """,
            new { BroadcastId = broadcastId, Channel = channel, By = by, Now = time.GetUtcNow(), Error = "職員の判断で投稿しませんでした / Not posted: staff decided" },
            cancellationToken: cancellationToken));
        return changed > 0;
    }

    /// <summary>The posts of the broadcast's latest run that has any.</summary>
    public async Task<IReadOnlyList<SocialPostRow>> LatestAsync(long broadcastId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SocialPostRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM social_posts
            WHERE run_id = (SELECT MAX(run_id) FROM social_posts WHERE broadcast_id = @BroadcastId)
            ORDER BY channel
            """,
            new { BroadcastId = broadcastId },
            cancellationToken: cancellationToken));
        return [.. rows];
    }

    /// <summary>After staff edited or deleted the published post on Meta.</summary>
    public Task EditedAsync(long id, string message, CancellationToken cancellationToken) =>
        UpdateAsync(id, "message = @Message", new { Message = message }, cancellationToken);

    public Task DeletedAsync(long id, CancellationToken cancellationToken) =>
        UpdateAsync(id, "status = 'deleted', reason = NULL", new { }, cancellationToken);

    private async Task UpdateAsync(long id, string set, object values, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(values);
        parameters.Add("Id", id);
        parameters.Add("Now", time.GetUtcNow());
        await using var connection = await database.OpenDurableAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition($"UPDATE social_posts SET {set} WHERE id = @Id", parameters, cancellationToken: cancellationToken));
    }
}
