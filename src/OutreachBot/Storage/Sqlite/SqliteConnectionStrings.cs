using Microsoft.Data.Sqlite;

namespace OutreachBot.Storage;

internal static class SqliteConnectionStrings
{
    public const string DefaultFile = "data/outreachbot.db";

    /// <summary>Fills in the default file, makes a relative path absolute and creates its folder.</summary>
    public static string Resolve(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? $"Data Source={DefaultFile}" : configured)
        {
            Pooling = true,
        };
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = Path.GetFullPath(builder.DataSource, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }

        return builder.ToString();
    }
}
