using Dapper;

namespace OutreachBot.Storage;

/// <summary>One statement on a connection of its own, the way most store methods talk to the database.</summary>
public static class DatabaseStatements
{
    public static async Task<int> ExecuteAsync(this Database database, string sql, object? parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    public static async Task<T?> ExecuteScalarAsync<T>(this Database database, string sql, object? parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Runs <paramref name="sql"/>, which releases claims, on SQLite only: there one instance runs, so a claim found at
    /// start-up belongs to a process that died and is released at once instead of waiting out its lease. On PostgreSQL a
    /// claim may be a living instance's (the cluster takes over a dead one's): nothing is released, 0.
    /// </summary>
    public static Task<int> ReleaseOrphanedClaimsAsync(this Database database, string sql, object? parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.Dialect.Provider == StorageProvider.Sqlite ? database.ExecuteAsync(sql, parameters, cancellationToken) : Task.FromResult(0);
    }

    public static async Task<IReadOnlyList<T>> QueryAsync<T>(this Database database, string sql, object? parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))];
    }

    public static async Task<T?> QuerySingleOrDefaultAsync<T>(this Database database, string sql, object? parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }
}
