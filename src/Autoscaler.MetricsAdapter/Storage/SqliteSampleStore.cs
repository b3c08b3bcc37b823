using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Data.Sqlite;

namespace Autoscaler.MetricsAdapter.Storage;

/// <summary>
/// The embedded store: SQLite for durability and history, an in-memory index of each series' newest
/// point for lookups (rebuilt from the <c>series</c> table on open, so samples survive a restart).
/// One writer at a time; readers never touch SQLite.
/// </summary>
internal sealed class SqliteSampleStore : ISampleStore, IDisposable
{
    // Rows per multi-row INSERT: one statement step per 64 samples instead of per sample is what makes
    // batched ingest cheap (Microsoft.Data.Sqlite's per-execute overhead dominates single-row inserts).
    private const int ChunkRows = 64;
    private readonly Lock _writeLock = new();
    private readonly SqliteCommand _insertChunk;
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insertSample;
    private readonly SqliteCommand _insertSeries;
    private readonly SqliteCommand _updateSeries;
    private readonly ConcurrentDictionary<string, SeriesEntry> _byKey = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Namespace, string Name), ImmutableArray<SeriesEntry>> _byMetric = new();

    public SqliteSampleStore(string databasePath)
    {
        var inMemory = databasePath == ":memory:";
        if (!inMemory)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }
        }

        var builder = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false };
        _connection = new SqliteConnection(builder.ToString());
        _connection.Open();
        SqliteSchema.Apply(_connection, inMemory);
        _insertSample = Prepare("INSERT OR REPLACE INTO samples (series_id, ts, value) VALUES ($s, $t, $v)", "$s", "$t", "$v");
        _insertChunk = Prepare(
            "INSERT OR REPLACE INTO samples (series_id, ts, value) VALUES " +
                string.Join(',', Enumerable.Range(0, ChunkRows).Select(i => $"($s{i}, $t{i}, $v{i})")),
            [.. Enumerable.Range(0, ChunkRows).SelectMany(i => new[] { $"$s{i}", $"$t{i}", $"$v{i}" })]);
        _insertSeries = Prepare(
            "INSERT INTO series (namespace, name, labels, last_ts, last_value) VALUES ($n, $m, $l, $t, $v) RETURNING id",
            "$n", "$m", "$l", "$t", "$v");
        _updateSeries = Prepare("UPDATE series SET last_ts = $t, last_value = $v WHERE id = $s", "$t", "$v", "$s");
        LoadIndex();
    }

    /// <summary>Number of series currently indexed.</summary>
    public int SeriesCount => _byKey.Count;

    public void Append(IReadOnlyList<MetricSample> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        lock (_writeLock)
        {
            var newest = new Dictionary<SeriesEntry, LatestPoint>();
            var created = new List<SeriesEntry>();
            using var transaction = _connection.BeginTransaction();
            try
            {
                var ids = new long[batch.Count];
                for (var i = 0; i < batch.Count; i++)
                {
                    var sample = batch[i];
                    var entry = Resolve(sample, transaction, created);
                    ids[i] = entry.Id;
                    var current = newest.TryGetValue(entry, out var seen) ? seen : entry.Latest;
                    if (current is null || sample.TimestampUnixMs >= current.TimestampUnixMs)
                    {
                        newest[entry] = new LatestPoint(sample.Value, sample.TimestampUnixMs);
                    }
                }

                InsertRows(batch, ids, transaction);
                foreach (var (entry, point) in newest)
                {
                    Bind(_updateSeries, transaction, point.TimestampUnixMs, point.Value, entry.Id);
                    _updateSeries.ExecuteNonQuery();
                }

                transaction.Commit();
            }
            catch
            {
                foreach (var entry in created)
                {
                    _byKey.TryRemove(entry.Key, out _);
                }

                throw;
            }

            // Publish only after the commit, so a reader never sees a value that a rollback took back.
            foreach (var entry in created)
            {
                _byMetric.AddOrUpdate((entry.Namespace, entry.Name), _ => [entry], (_, list) => list.Add(entry));
            }

            foreach (var (entry, point) in newest)
            {
                entry.Latest = point;
            }
        }
    }

    public IReadOnlyList<StoredSeries> Latest(string ns, string name, Func<IReadOnlyDictionary<string, string>, bool> matches)
    {
        if (!_byMetric.TryGetValue((ns, name), out var entries))
        {
            return [];
        }

        var result = new List<StoredSeries>();
        foreach (var entry in entries)
        {
            if (entry.Latest is { } point && matches(entry.Labels))
            {
                result.Add(new StoredSeries(entry.Namespace, entry.Name, entry.Labels, point.Value, point.TimestampUnixMs));
            }
        }

        return result;
    }

    public IReadOnlyList<(string Namespace, string Name)> MetricNames() =>
        _byMetric.Where(pair => !pair.Value.IsEmpty).Select(pair => pair.Key).ToList();

    public int Prune(long cutoffUnixMs)
    {
        lock (_writeLock)
        {
            using var transaction = _connection.BeginTransaction();
            using var deleteSamples = _connection.CreateCommand();
            deleteSamples.Transaction = transaction;
            deleteSamples.CommandText = "DELETE FROM samples WHERE series_id = $s AND ts < $t";
            var seriesParameter = deleteSamples.Parameters.Add("$s", SqliteType.Integer);
            deleteSamples.Parameters.AddWithValue("$t", cutoffUnixMs);
            var deleted = 0;
            var expired = new List<SeriesEntry>();
            foreach (var entry in _byKey.Values)
            {
                seriesParameter.Value = entry.Id;
                deleted += deleteSamples.ExecuteNonQuery();
                if (entry.Latest is null || entry.Latest.TimestampUnixMs < cutoffUnixMs)
                {
                    expired.Add(entry);
                }
            }

            using var deleteSeries = _connection.CreateCommand();
            deleteSeries.Transaction = transaction;
            deleteSeries.CommandText = "DELETE FROM series WHERE id = $s";
            var idParameter = deleteSeries.Parameters.Add("$s", SqliteType.Integer);
            foreach (var entry in expired)
            {
                idParameter.Value = entry.Id;
                deleteSeries.ExecuteNonQuery();
            }

            transaction.Commit();
            foreach (var entry in expired)
            {
                _byKey.TryRemove(entry.Key, out _);
                _byMetric.AddOrUpdate((entry.Namespace, entry.Name), _ => [], (_, list) => list.Remove(entry));
            }

            return deleted;
        }
    }

    public void Dispose()
    {
        lock (_writeLock)
        {
            _insertSample.Dispose();
            _insertChunk.Dispose();
            _insertSeries.Dispose();
            _updateSeries.Dispose();
            _connection.Dispose();
        }
    }

    private void InsertRows(IReadOnlyList<MetricSample> batch, long[] ids, SqliteTransaction transaction)
    {
        var i = 0;
        _insertChunk.Transaction = transaction;
        var parameters = _insertChunk.Parameters;
        for (; i + ChunkRows <= batch.Count; i += ChunkRows)
        {
            for (var row = 0; row < ChunkRows; row++)
            {
                parameters[3 * row].Value = ids[i + row];
                parameters[(3 * row) + 1].Value = batch[i + row].TimestampUnixMs;
                parameters[(3 * row) + 2].Value = batch[i + row].Value;
            }

            _insertChunk.ExecuteNonQuery();
        }

        for (; i < batch.Count; i++)
        {
            Bind(_insertSample, transaction, ids[i], batch[i].TimestampUnixMs, batch[i].Value);
            _insertSample.ExecuteNonQuery();
        }
    }

    private SeriesEntry Resolve(MetricSample sample, SqliteTransaction transaction, List<SeriesEntry> created)
    {
        var canonical = SeriesIdentity.Canonical(sample.Labels);
        var key = SeriesEntry.KeyOf(sample.Namespace, sample.Name, canonical);
        if (_byKey.TryGetValue(key, out var entry))
        {
            return entry;
        }

        _insertSeries.Transaction = transaction;
        _insertSeries.Parameters["$n"].Value = sample.Namespace;
        _insertSeries.Parameters["$m"].Value = sample.Name;
        _insertSeries.Parameters["$l"].Value = canonical;
        _insertSeries.Parameters["$t"].Value = sample.TimestampUnixMs;
        _insertSeries.Parameters["$v"].Value = sample.Value;
        var id = (long)_insertSeries.ExecuteScalar()!;
        var labels = new Dictionary<string, string>(sample.Labels, StringComparer.Ordinal);
        entry = new SeriesEntry(id, sample.Namespace, sample.Name, labels, key);
        _byKey[key] = entry;
        created.Add(entry);
        return entry;
    }

    private void LoadIndex()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id, namespace, name, labels, last_ts, last_value FROM series";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var (ns, name, canonical) = (reader.GetString(1), reader.GetString(2), reader.GetString(3));
            var entry = new SeriesEntry(reader.GetInt64(0), ns, name, SeriesIdentity.Parse(canonical), SeriesEntry.KeyOf(ns, name, canonical))
            {
                Latest = new LatestPoint(reader.GetDouble(5), reader.GetInt64(4)),
            };
            _byKey[entry.Key] = entry;
            _byMetric.AddOrUpdate((ns, name), _ => [entry], (_, list) => list.Add(entry));
        }
    }

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = parameter });
        }

        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, SqliteTransaction transaction, object a, object b, object c)
    {
        command.Transaction = transaction;
        command.Parameters[0].Value = a;
        command.Parameters[1].Value = b;
        command.Parameters[2].Value = c;
    }
}
