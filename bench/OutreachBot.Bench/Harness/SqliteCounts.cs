using Microsoft.Data.Sqlite;

namespace OutreachBot.Bench.Harness;

/// <summary>Counts read from the bot's SQLite file while it runs, on a read-only connection of the bench's own.</summary>
public static class SqliteCounts
{
    public static async Task<long> CountAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
