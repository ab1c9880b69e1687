using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace OutreachBot.Storage;

/// <summary>
/// A SQLite command that, outside a transaction, takes a write turn unless it only reads; a reader keeps the turn until
/// it closes, because SQLite commits the statement (e.g. an UPDATE ... RETURNING) only then.
/// </summary>
[SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Passes the caller's text through unchanged.")]
internal sealed class GatedSqliteCommand(SqliteCommand inner, GatedSqliteConnection connection) : DbCommand
{
    [AllowNull]
    public override string CommandText
    {
        get => inner.CommandText;
        set => inner.CommandText = value;
    }

    public override int CommandTimeout
    {
        get => inner.CommandTimeout;
        set => inner.CommandTimeout = value;
    }

    public override CommandType CommandType
    {
        get => inner.CommandType;
        set => inner.CommandType = value;
    }

    public override bool DesignTimeVisible
    {
        get => inner.DesignTimeVisible;
        set => inner.DesignTimeVisible = value;
    }

    public override UpdateRowSource UpdatedRowSource
    {
        get => inner.UpdatedRowSource;
        set => inner.UpdatedRowSource = value;
    }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set => throw new NotSupportedException("A gated SQLite command stays on the connection that created it.");
    }

    protected override DbParameterCollection DbParameterCollection => inner.Parameters;

    protected override DbTransaction? DbTransaction
    {
        get => inner.Transaction;
        set => inner.Transaction = value switch
        {
            null => null,
            GatedSqliteTransaction gated => gated.Inner,
            _ => throw new ArgumentException("The transaction is not one of this connection's.", nameof(value)),
        };
    }

    public override void Cancel() => inner.Cancel();

    public override void Prepare() => inner.Prepare();

    protected override DbParameter CreateDbParameter() => inner.CreateParameter();

    public override int ExecuteNonQuery()
    {
        using var turn = TakeTurn();
        return inner.ExecuteNonQuery();
    }

    public override object? ExecuteScalar()
    {
        using var turn = TakeTurn();
        return inner.ExecuteScalar();
    }

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        var turn = TakeTurn();
        return Read(turn, behavior);
    }

    public override async Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
    {
        using var turn = await TakeTurnAsync(cancellationToken);
        return await inner.ExecuteNonQueryAsync(cancellationToken);
    }

    public override async Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
    {
        using var turn = await TakeTurnAsync(cancellationToken);
        return await inner.ExecuteScalarAsync(cancellationToken);
    }

    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        var turn = await TakeTurnAsync(cancellationToken);
        return Read(turn, behavior);
    }

    private DbDataReader Read(SqliteWriteGate.Turn? turn, CommandBehavior behavior)
    {
        if (turn is null)
        {
            return inner.ExecuteReader(behavior);
        }

        try
        {
            return new TurnHoldingDataReader(inner.ExecuteReader(behavior), turn);
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }

    private SqliteWriteGate.Turn? TakeTurn() => NeedsTurn() ? connection.Gate.Enter(connection.Durable) : null;

    private async ValueTask<SqliteWriteGate.Turn?> TakeTurnAsync(CancellationToken cancellationToken) =>
        NeedsTurn() ? await connection.Gate.EnterAsync(connection.Durable, cancellationToken) : null;

    private bool NeedsTurn() => !connection.InTransaction && !ReadsOnly(inner.CommandText);

    /// <summary>Statements that take no write lock; anything else (WITH ... may end in an UPDATE) queues to be safe.</summary>
    internal static bool ReadsOnly(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        return text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("PRAGMA", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("EXPLAIN", StringComparison.OrdinalIgnoreCase);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
