using System.Data.Common;
using Dapper;

namespace OutreachBot.Subscriptions;

/// <summary>Citizens who follow (or followed) the account: language, district and when they could receive messages.</summary>
public sealed class CitizenStore(Database database)
{
    public async Task<Citizen?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Citizen>(new CommandDefinition(
            """
            SELECT user_id AS UserId, language, language_chosen AS LanguageChosen, display_name AS DisplayName,
                   district, following, first_followed_at AS FirstFollowedAt
            FROM citizens WHERE user_id = @UserId
            """,
            new { UserId = userId },
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Records a follow (or an unblock) that happened at <paramref name="now"/> (the webhook event's timestamp). A
    /// returning citizen keeps their language and subscriptions. An event older than the last recorded follow or
    /// unfollow changes nothing: a late or redelivered one must not undo a newer unfollow.
    /// </summary>
    public async Task<FollowResult> FollowAsync(string userId, string language, string? displayName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var existing = await connection.QuerySingleOrDefaultAsync<Citizen>(new CommandDefinition(
            "SELECT user_id AS UserId, language, following, following_changed_at AS FollowingChangedAt FROM citizens WHERE user_id = @UserId",
            new { UserId = userId },
            transaction,
            cancellationToken: cancellationToken));
        var stale = existing?.FollowingChangedAt > now;
        if (!stale)
        {
            await RecordFollowAsync(connection, transaction, existing is null, new { UserId = userId, Language = language, DisplayName = displayName, Following = true, Now = now }, cancellationToken);
        }

        var subscriptions = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM subscriptions WHERE user_id = @UserId AND ended_at IS NULL",
            new { UserId = userId },
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new FollowResult(existing is not null, existing?.Language ?? language, (int)subscriptions) { Stale = stale, Following = !stale || existing!.Following };
    }

    private static async Task RecordFollowAsync(DbConnection connection, DbTransaction transaction, bool isNew, object follow, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            isNew
                ? """
                  INSERT INTO citizens (user_id, language, display_name, following, following_changed_at, first_followed_at, updated_at)
                  VALUES (@UserId, @Language, @DisplayName, @Following, @Now, @Now, @Now)
                  """
                : """
                  UPDATE citizens SET following = @Following, following_changed_at = @Now,
                      display_name = COALESCE(@DisplayName, display_name), updated_at = @Now
                  WHERE user_id = @UserId
                  """,
            follow,
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO follow_periods (user_id, started_at) VALUES (@UserId, @Now)
            ON CONFLICT (user_id) WHERE ended_at IS NULL DO NOTHING
            """,
            follow,
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Records an unfollow or block that happened at <paramref name="now"/>: from then on the citizen is not counted
    /// and gets nothing. Older than the last recorded follow or unfollow, it changes nothing.
    /// </summary>
    public async Task UnfollowAsync(string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE citizens SET following = @Following, following_changed_at = @Now, updated_at = @Now
            WHERE user_id = @UserId AND (following_changed_at IS NULL OR following_changed_at <= @Now)
            """,
            new { UserId = userId, Following = false, Now = now },
            transaction,
            cancellationToken: cancellationToken));
        if (changed == 1)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE follow_periods SET ended_at = @Now WHERE user_id = @UserId AND ended_at IS NULL",
                new { UserId = userId, Now = now },
                transaction,
                cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The citizen's own choice of language, which a LINE profile guess never overrides afterwards.</summary>
    public async Task SetLanguageAsync(string userId, string language, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE citizens SET language = @Language, language_chosen = @Chosen, updated_at = @Now WHERE user_id = @UserId",
            new { UserId = userId, Language = language, Chosen = true, Now = now },
            cancellationToken: cancellationToken));
    }

    public async Task SetDistrictAsync(string userId, string? district, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE citizens SET district = @District, updated_at = @Now WHERE user_id = @UserId",
            new { UserId = userId, District = district, Now = now },
            cancellationToken: cancellationToken));
    }
}

public sealed record Citizen
{
    public required string UserId { get; init; }

    public required string Language { get; init; }

    public bool LanguageChosen { get; init; }

    public string? DisplayName { get; init; }

    public string? District { get; init; }

    public bool Following { get; init; }

    public DateTimeOffset FirstFollowedAt { get; init; }

    /// <summary>The webhook timestamp of the last follow or unfollow recorded; older events do not change <see cref="Following"/>.</summary>
    public DateTimeOffset? FollowingChangedAt { get; init; }
}

/// <param name="Returning">The citizen had followed before (an unblock or a second follow).</param>
/// <param name="Language">The language to greet in: a returning citizen's earlier one, else the guess given.</param>
/// <param name="KeptSubscriptions">Subscriptions still on record from before, to ask whether to keep them.</param>
public sealed record FollowResult(bool Returning, string Language, int KeptSubscriptions)
{
    /// <summary>The event was older than the last follow or unfollow on record, and changed nothing.</summary>
    public bool Stale { get; init; }

    /// <summary>Whether the citizen follows now: false when a newer unfollow is on record.</summary>
    public bool Following { get; init; } = true;
}
