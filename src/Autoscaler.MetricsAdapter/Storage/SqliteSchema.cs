using Microsoft.Data.Sqlite;

namespace Autoscaler.MetricsAdapter.Storage;

/// <summary>Creates the store's tables and sets the pragmas batched ingest relies on.</summary>
internal static class SqliteSchema
{
    // WAL lets lookups read while a batch commits; synchronous=NORMAL keeps WAL durable across a process
    // crash (only an OS crash can lose the last transactions), which is the trade-off metrics want.
    private const string Pragmas = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        PRAGMA temp_store = MEMORY;
        PRAGMA cache_size = -16000;
        """;

    // samples is WITHOUT ROWID with (series_id, ts) as its key: one B-tree, ordered for per-series
    // retention deletes, and a re-pushed (series, ts) replaces the old value instead of duplicating it.
    private const string Tables = """
        CREATE TABLE IF NOT EXISTS series (
            id INTEGER PRIMARY KEY,
            namespace TEXT NOT NULL,
            name TEXT NOT NULL,
            labels TEXT NOT NULL,
            last_ts INTEGER NOT NULL,
            last_value REAL NOT NULL,
            UNIQUE (namespace, name, labels));
        CREATE TABLE IF NOT EXISTS samples (
            series_id INTEGER NOT NULL,
            ts INTEGER NOT NULL,
            value REAL NOT NULL,
            PRIMARY KEY (series_id, ts)) WITHOUT ROWID;
        """;

    public static void Apply(SqliteConnection connection, bool inMemory)
    {
        using var command = connection.CreateCommand();
        command.CommandText = (inMemory ? string.Empty : Pragmas) + Tables;
        command.ExecuteNonQuery();
    }
}
