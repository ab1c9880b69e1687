namespace OutreachBot.Tests.Infrastructure;

/// <summary>Real database failures, made with a trigger that refuses inserts, rather than a mocked store.</summary>
public static class Faults
{
    public static Task BreakInboxWritesAsync(TestDatabase database) => database.ExecuteAsync(database.Provider == "Postgres"
        ? """
          CREATE FUNCTION refuse_insert() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full (test)'; END $$ LANGUAGE plpgsql;
          CREATE TRIGGER refuse_inbox BEFORE INSERT ON inbox_events FOR EACH ROW EXECUTE FUNCTION refuse_insert();
          """
        : "CREATE TRIGGER refuse_inbox BEFORE INSERT ON inbox_events BEGIN SELECT RAISE(ABORT, 'disk full (test)'); END;");

    /// <summary>Refuses only the events of one citizen, as a database refuses one row it cannot take.</summary>
    public static Task RefuseInboxEventsOfAsync(TestDatabase database, string userId) => database.ExecuteAsync(database.Provider == "Postgres"
        ? $$"""
          CREATE FUNCTION refuse_one_source() RETURNS trigger AS $$ BEGIN
              IF NEW.source_key = '{{userId}}' THEN RAISE EXCEPTION 'row refused (test)'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
          CREATE TRIGGER refuse_one_source BEFORE INSERT ON inbox_events FOR EACH ROW EXECUTE FUNCTION refuse_one_source();
          """
        : $"CREATE TRIGGER refuse_one_source BEFORE INSERT ON inbox_events WHEN NEW.source_key = '{userId}' BEGIN SELECT RAISE(ABORT, 'row refused (test)'); END;");

    public static Task RepairInboxWritesAsync(TestDatabase database) => database.ExecuteAsync(database.Provider == "Postgres"
        ? "DROP TRIGGER refuse_inbox ON inbox_events; DROP FUNCTION refuse_insert();"
        : "DROP TRIGGER refuse_inbox;");

    /// <summary>
    /// Makes every <paramref name="operation"/> (INSERT, UPDATE) on <paramref name="table"/> fail, or only those where
    /// <paramref name="when"/> (an SQL condition on NEW and OLD that both databases read alike) holds.
    /// </summary>
    public static Task BreakWritesAsync(TestDatabase database, string table, string operation, string? when = null) => database.ExecuteAsync(database.Provider == "Postgres"
        ? $"""
          CREATE OR REPLACE FUNCTION refuse_write() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'database unavailable (test)'; END $$ LANGUAGE plpgsql;
          CREATE TRIGGER refuse_{table} BEFORE {operation} ON {table} FOR EACH ROW {(when is null ? "" : $"WHEN ({when})")} EXECUTE FUNCTION refuse_write();
          """
        : $"CREATE TRIGGER refuse_{table} BEFORE {operation} ON {table} FOR EACH ROW {(when is null ? "" : $"WHEN {when}")} BEGIN SELECT RAISE(ABORT, 'database unavailable (test)'); END;");

    public static Task RepairWritesAsync(TestDatabase database, string table) => database.ExecuteAsync(database.Provider == "Postgres"
        ? $"DROP TRIGGER refuse_{table} ON {table};"
        : $"DROP TRIGGER refuse_{table};");
}
