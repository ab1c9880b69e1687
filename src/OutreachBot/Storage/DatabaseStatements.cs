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
