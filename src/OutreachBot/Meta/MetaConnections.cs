using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace OutreachBot.Meta;

/// <summary>The Page (and the Instagram account on the Page's token) the bot posts to, from the settings or the console.</summary>
/// <param name="FromSettings">Set in <c>Meta:PageId</c> and its siblings: the console shows it and cannot change it.</param>
/// <param name="Disconnected">Meta refused the token (code 190) at that time with that message; nothing is posted until it is connected again.</param>
public sealed record MetaAccount(
    string PageId, string PageName, string? InstagramUserId, string? InstagramUsername, string Token, bool FromSettings,
    DateTimeOffset? ConnectedAt, string? ConnectedBy, DateTimeOffset? Disconnected, string? DisconnectedReason)
{
    public bool Usable => Disconnected is null && Token.Length > 0;

    public bool HasInstagram => !string.IsNullOrEmpty(InstagramUserId);
}

/// <summary>
/// Reads and keeps the connection. Connecting checks the token by reading the Page's name and followers (and the
/// Instagram account's) before anything is stored; the token is stored protected with the data-protection keys and
/// leaves this class only to call Meta.
/// </summary>
public sealed class MetaConnections(
    Database database, GraphClient graph, IOptionsMonitor<MetaOptions> options, IDataProtectionProvider protection, AuditLog audit, TimeProvider time)
{
    private readonly IDataProtector _protector = protection.CreateProtector("OutreachBot.Meta.PageAccessToken.v1");

    public bool FromSettings => options.CurrentValue.Configured;

    public async Task<MetaAccount?> CurrentAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            """
            SELECT page_id AS PageId, page_name AS PageName, instagram_user_id AS InstagramUserId, instagram_username AS InstagramUsername,
                   protected_token AS ProtectedToken, connected_at AS ConnectedAt, connected_by AS ConnectedBy,
                   disconnected_at AS DisconnectedAt, disconnected_reason AS DisconnectedReason
            FROM meta_connection WHERE id = 1
            """,
            cancellationToken: cancellationToken));
        var settings = options.CurrentValue;
        if (settings.Configured)
        {
            return new MetaAccount(
                settings.PageId!.Trim(), row?.PageName ?? settings.PageId.Trim(), NullIfBlank(settings.InstagramUserId), row?.InstagramUsername,
                settings.PageAccessToken ?? "", true, null, null, row?.DisconnectedAt, row?.DisconnectedReason);
        }

        return row?.PageId is null || row.ProtectedToken is null
            ? null
            : new MetaAccount(
                row.PageId, row.PageName ?? row.PageId, row.InstagramUserId, row.InstagramUsername, Unprotect(row.ProtectedToken), false,
                row.ConnectedAt, row.ConnectedBy, row.DisconnectedAt, row.DisconnectedReason);
    }

    /// <summary>Checks the token on the Page (and the Instagram account) and stores the connection; the reason in plain words when Meta refuses.</summary>
    public async Task<Bilingual?> ConnectAsync(string pageId, string token, string? instagramUserId, StaffActor actor, CancellationToken cancellationToken)
    {
        var (page, instagram, problem) = await CheckAsync(pageId.Trim(), token.Trim(), NullIfBlank(instagramUserId), cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM meta_connection", transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO meta_connection (id, page_id, page_name, instagram_user_id, instagram_username, protected_token, connected_at, connected_by)
            VALUES (1, @PageId, @PageName, @IgId, @IgName, @Token, @Now, @By)
            """,
            new { PageId = page!.Id, PageName = page.Name, IgId = instagram?.Id, IgName = instagram?.Username, Token = _protector.Protect(token.Trim()), Now = time.GetUtcNow(), By = actor.AuditName },
            transaction,
            cancellationToken: cancellationToken));
        await audit.WriteAsync(connection, transaction, actor, AuditActions.MetaConnected, page.Id,
            instagram is null ? page.Name : $"{page.Name}, Instagram @{instagram.Username}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return null;
    }

    /// <summary>For a connection from the settings: reads the Page again and, when the token works, clears a disconnection.</summary>
    public async Task<Bilingual?> RecheckSettingsAsync(CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var (page, instagram, problem) = await CheckAsync(settings.PageId!.Trim(), settings.PageAccessToken ?? "", NullIfBlank(settings.InstagramUserId), cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO meta_connection (id, page_name, instagram_username) VALUES (1, @PageName, @IgName)
            ON CONFLICT (id) DO UPDATE SET page_name = @PageName, instagram_username = @IgName, disconnected_at = NULL, disconnected_reason = NULL
            """,
            new { PageName = page!.Name, IgName = instagram?.Username },
            cancellationToken: cancellationToken));
        return null;
    }

    public async Task DisconnectAsync(StaffActor actor, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var removed = await connection.ExecuteAsync(new CommandDefinition("DELETE FROM meta_connection", transaction: transaction, cancellationToken: cancellationToken));
        if (removed > 0)
        {
            await audit.WriteAsync(connection, transaction, actor, AuditActions.MetaDisconnected, null, null, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Meta refused the token (code 190): posting stops and the dashboard says so until an admin connects again.</summary>
    public async Task MarkDisconnectedAsync(string reason, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO meta_connection (id, disconnected_at, disconnected_reason) VALUES (1, @Now, @Reason)
            ON CONFLICT (id) DO UPDATE SET disconnected_at = @Now, disconnected_reason = @Reason
            """,
            new { Now = time.GetUtcNow(), Reason = reason },
            cancellationToken: cancellationToken));
    }

    private async Task<(GraphPage? Page, GraphInstagramAccount? Instagram, Bilingual? Problem)> CheckAsync(
        string pageId, string token, string? instagramUserId, CancellationToken cancellationToken)
    {
        if (pageId.Length == 0 || token.Length == 0)
        {
            return (null, null, new("ページIDとページアクセストークンを入力してください。", "Enter the Page id and the Page access token."));
        }

        try
        {
            var page = await graph.GetPageAsync(pageId, token, cancellationToken);
            var instagram = instagramUserId is null ? null : await graph.GetInstagramAccountAsync(instagramUserId, token, cancellationToken);
            return (page, instagram, null);
        }
        catch (GraphApiException ex)
        {
            return (null, null, MetaProblems.Explain(ex));
        }
        catch (GraphUnansweredException)
        {
            return (null, null, MetaProblems.Unanswered);
        }
    }

    private string Unprotect(string protectedToken)
    {
        try
        {
            return _protector.Unprotect(protectedToken);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // The key ring lost the key (a restored database without its keys): the admin connects again.
            return "";
        }
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private sealed record Row
    {
        public string? PageId { get; init; }
        public string? PageName { get; init; }
        public string? InstagramUserId { get; init; }
        public string? InstagramUsername { get; init; }
        public string? ProtectedToken { get; init; }
        public DateTimeOffset? ConnectedAt { get; init; }
        public string? ConnectedBy { get; init; }
        public DateTimeOffset? DisconnectedAt { get; init; }
        public string? DisconnectedReason { get; init; }
    }
}
