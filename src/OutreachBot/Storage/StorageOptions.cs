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

    /// <summary>
    /// On SQLite, how many other writes may go before a webhook's group commit that waits for its turn, on average
    /// (0.25: one before every fourth group commit): more lets the inbox worker answer citizens faster during a burst
    /// of webhooks, fewer keeps the webhook's acknowledgements faster. Fewer turns are not fewer answers as such: the
    /// worker's writes wait in groups, and each turn then commits a larger group.
    /// </summary>
    [Range(0.1, 1000)]
    public double SqliteWritesBeforeGroupCommit { get; set; } = SqliteWriteGate.DefaultOthersPerDurable;

    /// <summary>
    /// On SQLite, the most pages (4 KiB each) the file may grow to; a write past it fails as on a full disk (a webhook
    /// then answers 500 and LINE redelivers). A value below the file's size holds it at its size. Unset: no cap.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int? SqliteMaxPageCount { get; set; }
}
