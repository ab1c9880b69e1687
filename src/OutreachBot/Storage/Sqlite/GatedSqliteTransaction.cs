using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace OutreachBot.Storage;

/// <summary>A SQLite transaction that holds its connection's write turn until it commits, rolls back or is disposed.</summary>
internal sealed class GatedSqliteTransaction(GatedSqliteConnection connection, SqliteTransaction inner, SqliteWriteGate.Turn turn) : DbTransaction
{
    internal SqliteTransaction Inner => inner;

    internal bool Completed { get; private set; }

    public override IsolationLevel IsolationLevel => inner.IsolationLevel;

    protected override DbConnection DbConnection => connection;

    public override void Commit()
    {
        try
        {
            inner.Commit();
        }
        finally
        {
            End();
        }
    }

    public override void Rollback()
    {
        try
        {
            inner.Rollback();
        }
        finally
        {
            End();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                inner.Dispose();
            }
            finally
            {
                End();
            }
        }

        base.Dispose(disposing);
    }

    private void End()
    {
        Completed = true;
        turn.Dispose();
    }
}
