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
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw CannotWrite(ex);
            }
        }

        return builder.ToString();
    }

    /// <summary>The start stops with this when the file's folder or the file cannot be created or written.</summary>
    public static InvalidOperationException CannotWrite(Exception reason) => new(
        $"{StorageOptions.Section}:{nameof(StorageOptions.ConnectionString)}: the SQLite file cannot be created or written ({reason.Message}). " +
        "Give the bot's user write access to its folder, or point the setting at a folder it may write.", reason);
}
