using OutreachBot.Storage;

namespace OutreachBot.Broadcasts;

/// <summary>
/// A list parameter in a WHERE: Dapper expands <c>IN @List</c> into one parameter per item on SQLite, but hands
/// Npgsql the list as one array, which PostgreSQL compares with <c>= ANY(@List)</c>.
/// </summary>
internal static class SqlLists
{
    public static string In(this SqlDialect dialect, string parameter) =>
        dialect.Provider == StorageProvider.Postgres ? $"= ANY({parameter})" : $"IN {parameter}";
}
