namespace OutreachBot.Storage;

/// <summary>
/// The few places where SQLite and PostgreSQL SQL differ. Everything else is written once, in the subset both accept
/// (ON CONFLICT, RETURNING, LIMIT); instants are stored as UTC unix milliseconds (BIGINT) in both.
/// </summary>
public sealed record SqlDialect(StorageProvider Provider, string MigrationFolder)
{
    public static readonly SqlDialect Sqlite = new(StorageProvider.Sqlite, "Sqlite");
    public static readonly SqlDialect Postgres = new(StorageProvider.Postgres, "Postgres");

    /// <summary>
    /// Appended to a SELECT that claims rows of the table aliased <paramref name="alias"/>, so that concurrent instances
    /// skip each other's rows. SQLite has one writer at a time and needs nothing.
    /// </summary>
    public string SkipLockedOf(string alias) => Provider == StorageProvider.Postgres ? $"FOR UPDATE OF {alias} SKIP LOCKED" : "";

    /// <summary>
    /// A list parameter in a WHERE: Dapper expands <c>IN @List</c> into one parameter per item on SQLite, but hands
    /// Npgsql the list as one array, which PostgreSQL compares with <c>= ANY(@List)</c>.
    /// </summary>
    public string In(string parameter) => Provider == StorageProvider.Postgres ? $"= ANY({parameter})" : $"IN {parameter}";

    /// <summary>
    /// After a table in a FROM: the one index SQLite may use for it, where its planner would pick a worse one (it prefers
    /// the primary key's index to a covering one). PostgreSQL's planner chooses well and needs nothing.
    /// </summary>
    public string IndexedBy(string index) => Provider == StorageProvider.Sqlite ? $"INDEXED BY {index}" : "";

    public static SqlDialect For(StorageProvider provider) => provider switch
    {
        StorageProvider.Sqlite => Sqlite,
        StorageProvider.Postgres => Postgres,
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown storage provider."),
    };
}
