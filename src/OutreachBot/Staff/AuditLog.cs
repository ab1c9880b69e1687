using System.Data.Common;
using System.Security.Claims;
using Dapper;

namespace OutreachBot.Staff;

/// <summary>Who did what and when: the console's and the staff API's changes, and every sign-in attempt.</summary>
public sealed class AuditLog(Database database, TimeProvider time)
{
    public const int MaxTextLength = 500;

    public async Task WriteAsync(string? actor, string action, string? target, string? detail, string? remoteIp, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await InsertAsync(connection, null, actor, action, target, detail, remoteIp, cancellationToken);
    }

    /// <summary>Writes an entry inside the caller's transaction, so the change and its record stand or fall together.</summary>
    public Task WriteAsync(DbConnection connection, DbTransaction transaction, StaffActor actor, string action, string? target, string? detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return InsertAsync(connection, transaction, actor.AuditName, action, target, detail, actor.RemoteIp, cancellationToken);
    }

    /// <summary>Writes an entry naming <paramref name="actor"/> and the address they came from.</summary>
    public Task WriteAsync(StaffActor actor, string action, string? target, string? detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return WriteAsync(actor.AuditName, action, target, detail, actor.RemoteIp, cancellationToken);
    }

    /// <summary>Writes an entry for the request's signed-in staff member or API key.</summary>
    public Task WriteAsync(HttpContext context, string action, string? target = null, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return WriteAsync(StaffActor.Of(context), action, target, detail, context.RequestAborted);
    }

    /// <summary>Newest first; <paramref name="action"/> filters to one kind of entry.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(string? action, long beforeId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var entries = await connection.QueryAsync<AuditEntry>(new CommandDefinition(
            """
            SELECT id, at, actor, action, target, detail, remote_ip AS RemoteIp
            FROM audit_log
            WHERE id < @BeforeId AND (@Action IS NULL OR action = @Action)
            ORDER BY id DESC
            LIMIT @Limit
            """,
            new { Action = action, BeforeId = beforeId, Limit = limit },
            cancellationToken: cancellationToken));
        return [.. entries];
    }

    public static string? ActorOf(ClaimsPrincipal user) => StaffActor.FromPrincipal(user, null).AuditName;

    private Task<int> InsertAsync(
        DbConnection connection, DbTransaction? transaction, string? actor, string action, string? target, string? detail, string? remoteIp, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO audit_log (at, actor, action, target, detail, remote_ip)
            VALUES (@At, @Actor, @Action, @Target, @Detail, @RemoteIp)
            """,
            new
            {
                At = time.GetUtcNow(),
                Actor = Clip(actor),
                Action = action,
                Target = Clip(target),
                Detail = Clip(detail),
                RemoteIp = remoteIp,
            },
            transaction,
            cancellationToken: cancellationToken));

    private static string? Clip(string? text) => text is { Length: > MaxTextLength } ? text[..MaxTextLength] : text;
}

public sealed record AuditEntry
{
    public long Id { get; init; }

    public DateTimeOffset At { get; init; }

    public string? Actor { get; init; }

    public required string Action { get; init; }

    public string? Target { get; init; }

    public string? Detail { get; init; }

    public string? RemoteIp { get; init; }
}
