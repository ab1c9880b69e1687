namespace OutreachBot.Storage;

/// <summary>
/// The few places where SQLite and PostgreSQL SQL differ. Everything else is written once, in the subset both accept
/// (ON CONFLICT, RETURNING, LIMIT); instants are stored as UTC unix milliseconds (BIGINT) in both.
/// </summary>
public sealed record SqlDialect(StorageProvider Provider, string MigrationFolder)
{
    public static readonly SqlDialect Sqlite = new(StorageProvider.Sqlite, "Sqlite");
    public static readonly SqlDialect Postgres = new(StorageProvider.Postgres, "Postgres");

    /// <summary>Appended to a SELECT that claims rows, so that concurrent instances skip each other's rows.</summary>
    public string SkipLocked => Provider == StorageProvider.Postgres ? "FOR UPDATE SKIP LOCKED" : "";

    public static SqlDialect For(StorageProvider provider) => provider switch
    {
        StorageProvider.Sqlite => Sqlite,
        StorageProvider.Postgres => Postgres,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown storage provider."),
    };
}
