using System.ComponentModel.DataAnnotations;

namespace OutreachBot.Storage;

public enum StorageProvider
{
    Sqlite,
    Postgres,
}

public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Empty means the embedded SQLite file <c>./data/outreachbot.db</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>How long SQLite waits for another writer before giving up.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
