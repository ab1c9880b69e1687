using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace OutreachBot.Storage;

/// <summary>
/// An open SQLite connection whose writes take their turn at the <see cref="SqliteWriteGate"/>: a transaction from its
/// begin (Microsoft.Data.Sqlite begins IMMEDIATE, i.e. with the write lock) to its end, a write outside a transaction
/// for as long as it runs. Reads do not queue; in WAL mode they never wait for the writer.
/// </summary>
internal sealed class GatedSqliteConnection(SqliteConnection inner, SqliteWriteGate gate, bool durable) : DbConnection
{
    private GatedSqliteTransaction? _transaction;

    internal SqliteConnection Inner => inner;

    /// <summary>A connection whose commits someone waits on; see <see cref="SqliteWriteGate"/>.</summary>
    internal bool Durable => durable;

    internal SqliteWriteGate Gate => gate;

    /// <summary>Whether a write now runs inside a transaction that already holds the turn.</summary>
    internal bool InTransaction => _transaction is { Completed: false };

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string ConnectionString
    {
        get => inner.ConnectionString;
        set => inner.ConnectionString = value;
    }

    public override string Database => inner.Database;

    public override string DataSource => inner.DataSource;

    public override string ServerVersion => inner.ServerVersion;

    public override ConnectionState State => inner.State;

    public override void ChangeDatabase(string databaseName) => inner.ChangeDatabase(databaseName);

    public override void Open() => inner.Open();

    public override void Close()
    {
        _transaction?.Dispose();
        inner.Close();
    }

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel)
    {
        var turn = gate.Enter(durable);
        return Begin(turn, isolationLevel);
    }

    protected override async ValueTask<DbTransaction> BeginDbTransactionAsync(IsolationLevel isolationLevel, CancellationToken cancellationToken)
    {
        var turn = await gate.EnterAsync(durable, cancellationToken);
        return Begin(turn, isolationLevel);
    }

    private GatedSqliteTransaction Begin(SqliteWriteGate.Turn turn, IsolationLevel isolationLevel)
    {
        try
        {
            _transaction = new GatedSqliteTransaction(this, inner.BeginTransaction(isolationLevel), turn);
            return _transaction;
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }

    protected override DbCommand CreateDbCommand() => new GatedSqliteCommand(inner.CreateCommand(), this);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _transaction?.Dispose();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        _transaction?.Dispose();
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }
}
