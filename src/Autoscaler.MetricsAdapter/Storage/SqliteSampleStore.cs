using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Data.Sqlite;

namespace Autoscaler.MetricsAdapter.Storage;

/// <summary>
/// The embedded store: SQLite for durability and history, an in-memory index of each series' newest
/// point for lookups (rebuilt from the <c>series</c> table on open, so samples survive a restart).
/// One writer at a time; readers never touch SQLite. Reads answer the newest point stamped at or before the
/// store's clock, so a sample stamped ahead (a pusher whose clock runs fast) waits for its time instead of
/// hiding newer values. Metric names are looked up the way the HPA asks for them: case-insensitively.
/// </summary>
internal sealed partial class SqliteSampleStore : ISampleStore, IDisposable
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
    // Keyed by namespace and lower-cased metric name (the HPA lower-cases names); entries keep the pushed spelling.
    private readonly ConcurrentDictionary<(string Namespace, string Name), ImmutableArray<SeriesEntry>> _byMetric = new();
    private readonly TimeProvider _time;
    private readonly SampleStoreLimits _limits;
    // Guarded by _writeLock: series per namespace, and an upper bound of the samples table's row count
    // (INSERT OR REPLACE of an existing (series, ts) counts as a new row until the next exact recount).
    private readonly Dictionary<string, int> _seriesPerNamespace = new(StringComparer.Ordinal);
    private long _sampleCount;

    /// <summary>Opens (or creates) the store at <paramref name="databasePath"/> (<c>:memory:</c> for tests).</summary>
    /// <param name="databasePath">SQLite file path.</param>
    /// <param name="time">The clock that decides which points are current; the system clock by default.</param>
    /// <param name="limits">Series and history bounds; none by default.</param>
    /// <exception cref="SampleStoreUnavailableException">The file or its directory cannot be created or opened.</exception>
    public SqliteSampleStore(string databasePath, TimeProvider? time = null, SampleStoreLimits? limits = null)
    {
        _time = time ?? TimeProvider.System;
        _limits = limits ?? SampleStoreLimits.None;
        var inMemory = databasePath == ":memory:";
        var builder = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false };
        _connection = new SqliteConnection(builder.ToString());
        try
        {
            if (!inMemory && Path.GetDirectoryName(Path.GetFullPath(databasePath)) is { } directory)
            {
                Directory.CreateDirectory(directory);
            }

            _connection.Open();
            SqliteSchema.Apply(_connection, inMemory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            _connection.Dispose();
            throw new SampleStoreUnavailableException(
                $"Storage:DatabasePath '{databasePath}' ({Path.GetFullPath(databasePath)}): cannot create or open the store: {e.Message.TrimEnd('.')}. " +
                "Point it at a writable directory; with a read-only root filesystem (the container image) use a volume, " +
                "e.g. --Storage:DatabasePath=/var/lib/autoscaler/samples.db on an emptyDir.", e);
        }

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

    /// <summary>Rows of sample history, an upper bound between exact recounts (re-pushed timestamps count twice).</summary>
    public long SampleCount
    {
        get
        {
            lock (_writeLock)
            {
                return _sampleCount;
            }
        }
    }

    /// <exception cref="MetricNameConflictException">A metric name differs only by case from one already stored
    /// in the namespace (or elsewhere in the batch); nothing is stored.</exception>
    /// <exception cref="StoreLimitExceededException">The batch would create more series than <see cref="SampleStoreLimits"/>
    /// allow; nothing is stored.</exception>
    public void Append(IReadOnlyList<MetricSample> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        lock (_writeLock)
        {
            CheckNameCase(batch);
            var keys = SeriesKeys(batch);
            var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
            var added = new Dictionary<SeriesEntry, List<LatestPoint>>();
            var merged = new Dictionary<SeriesEntry, LatestPoint[]>();
            var created = new List<SeriesEntry>();
            using var transaction = _connection.BeginTransaction();
            try
            {
                var ids = new long[batch.Count];
                for (var i = 0; i < batch.Count; i++)
                {
                    var sample = batch[i];
                    var entry = Resolve(sample, keys[i], transaction, created);
                    ids[i] = entry.Id;
                    if (!added.TryGetValue(entry, out var points))
                    {
                        added[entry] = points = [];
                    }

                    points.Add(new LatestPoint(sample.Value, sample.TimestampUnixMs));
                }

                InsertRows(batch, ids, transaction);
                foreach (var (entry, points) in added)
                {
                    var all = SeriesEntry.Merge(entry.Points, points, now);
                    merged[entry] = all;
                    Bind(_updateSeries, transaction, all[^1].TimestampUnixMs, all[^1].Value, entry.Id);
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
                _byMetric.AddOrUpdate(MetricKey(entry.Namespace, entry.Name), _ => [entry], (_, list) => list.Add(entry));
            }

            foreach (var (entry, points) in merged)
            {
                entry.Points = points;
            }

            foreach (var entry in created)
            {
                _seriesPerNamespace[entry.Namespace] = _seriesPerNamespace.GetValueOrDefault(entry.Namespace) + 1;
            }

            _sampleCount += batch.Count;
            if (_sampleCount > _limits.MaxSamples)
            {
                TrimHistory();
            }
        }
    }

    public IReadOnlyList<StoredSeries> Latest(string ns, string name, Func<IReadOnlyDictionary<string, string>, bool> matches)
    {
        if (!_byMetric.TryGetValue(MetricKey(ns, name), out var entries))
        {
            return [];
        }

        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var result = new List<StoredSeries>();
        foreach (var entry in entries)
        {
            if (entry.At(now) is { } point && matches(entry.Labels))
            {
                result.Add(new StoredSeries(entry.Namespace, entry.Name, entry.Labels, point.Value, point.TimestampUnixMs));
            }
        }

        return result;
    }

    public IReadOnlyList<(string Namespace, string Name)> MetricNames() =>
        _byMetric.Values.SelectMany(entries => entries.Select(e => (e.Namespace, e.Name))).Distinct().ToList();

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
                if (entry.Newest is not { } newest || newest.TimestampUnixMs < cutoffUnixMs)
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
            _sampleCount = Math.Max(0, _sampleCount - deleted);
            foreach (var entry in expired)
            {
                _seriesPerNamespace[entry.Namespace] = _seriesPerNamespace.GetValueOrDefault(entry.Namespace) - 1;
                _byKey.TryRemove(entry.Key, out _);
                _byMetric.AddOrUpdate(MetricKey(entry.Namespace, entry.Name), _ => [], (_, list) => list.Remove(entry));
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

    private SeriesEntry Resolve(MetricSample sample, (string Canonical, string Key) identity, SqliteTransaction transaction, List<SeriesEntry> created)
    {
        var (canonical, key) = identity;
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
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var ahead = new List<SeriesEntry>();
        using (var command = _connection.CreateCommand())
        {
            command.CommandText = "SELECT id, namespace, name, labels, last_ts, last_value FROM series";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var (ns, name, canonical) = (reader.GetString(1), reader.GetString(2), reader.GetString(3));
                var entry = new SeriesEntry(reader.GetInt64(0), ns, name, SeriesIdentity.Parse(canonical), SeriesEntry.KeyOf(ns, name, canonical))
                {
                    Points = [new LatestPoint(reader.GetDouble(5), reader.GetInt64(4))],
                };
                _byKey[entry.Key] = entry;
                _byMetric.AddOrUpdate(MetricKey(ns, name), _ => [entry], (_, list) => list.Add(entry));
                _seriesPerNamespace[ns] = _seriesPerNamespace.GetValueOrDefault(ns) + 1;
                if (entry.Newest!.TimestampUnixMs > now)
                {
                    ahead.Add(entry);
                }
            }
        }

        _sampleCount = CountSamples();

        // A series whose newest point is stamped ahead of the clock also needs its current point and the rest.
        using var points = _connection.CreateCommand();
        points.CommandText =
            "SELECT ts, value FROM samples WHERE series_id = $s AND ts >= " +
            "(SELECT COALESCE(MAX(ts), -1) FROM samples WHERE series_id = $s AND ts <= $now) ORDER BY ts";
        var series = points.Parameters.Add("$s", SqliteType.Integer);
        points.Parameters.AddWithValue("$now", now);
        foreach (var entry in ahead)
        {
            series.Value = entry.Id;
            var loaded = new List<LatestPoint>();
            using var reader = points.ExecuteReader();
            while (reader.Read())
            {
                loaded.Add(new LatestPoint(reader.GetDouble(1), reader.GetInt64(0)));
            }

            entry.Points = SeriesEntry.Merge(entry.Points, loaded, now);
        }
    }

    // Canonical label text and index key of every sample, and the series-count limits checked before anything is written.
    private (string Canonical, string Key)[] SeriesKeys(IReadOnlyList<MetricSample> batch)
    {
        var keys = new (string Canonical, string Key)[batch.Count];
        HashSet<string>? fresh = null;
        Dictionary<string, int>? freshPerNamespace = null;
        for (var i = 0; i < batch.Count; i++)
        {
            var sample = batch[i];
            var canonical = SeriesIdentity.Canonical(sample.Labels);
            var key = SeriesEntry.KeyOf(sample.Namespace, sample.Name, canonical);
            keys[i] = (canonical, key);
            if (!_byKey.ContainsKey(key) && (fresh ??= new HashSet<string>(StringComparer.Ordinal)).Add(key))
            {
                freshPerNamespace ??= new Dictionary<string, int>(StringComparer.Ordinal);
                freshPerNamespace[sample.Namespace] = freshPerNamespace.GetValueOrDefault(sample.Namespace) + 1;
            }
        }

        if (fresh is null)
        {
            return keys;
        }

        foreach (var (ns, added) in freshPerNamespace!)
        {
            var existing = _seriesPerNamespace.GetValueOrDefault(ns);
            if ((long)existing + added > _limits.MaxSeriesPerNamespace)
            {
                throw new StoreLimitExceededException(
                    $"series limit reached in namespace {ns}: it has {existing} series and this batch would add {added} new ones; " +
                    $"at most {_limits.MaxSeriesPerNamespace} per namespace (Storage:MaxSeriesPerNamespace). Existing series still accept " +
                    "samples; series without samples expire after Storage:Retention");
            }
        }

        if ((long)_byKey.Count + fresh.Count > _limits.MaxSeries)
        {
            throw new StoreLimitExceededException(
                $"series limit reached: the store has {_byKey.Count} series and this batch would add {fresh.Count} new ones; at most " +
                $"{_limits.MaxSeries} in total (Storage:MaxSeries). Existing series still accept samples; series without samples expire after Storage:Retention");
        }

        return keys;
    }

    // Over MaxSamples: recount exactly, then delete the oldest history down to 90 % of the bound, never a series'
    // newest point, so every series keeps serving.
    private void TrimHistory()
    {
        _sampleCount = CountSamples();
        if (_sampleCount <= _limits.MaxSamples)
        {
            return;
        }

        using var trim = _connection.CreateCommand();
        trim.CommandText =
            "DELETE FROM samples WHERE (series_id, ts) IN (SELECT s.series_id, s.ts FROM samples s JOIN series r ON r.id = s.series_id " +
            "WHERE s.ts < r.last_ts ORDER BY s.ts LIMIT $n)";
        trim.Parameters.AddWithValue("$n", _sampleCount - (_limits.MaxSamples / 10 * 9));
        _sampleCount -= trim.ExecuteNonQuery();
    }

    private long CountSamples()
    {
        using var count = _connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM samples";
        return (long)count.ExecuteScalar()!;
    }

    private static (string Namespace, string Name) MetricKey(string ns, string name) => (ns, name.ToLowerInvariant());

    // The HPA asks for metric names in lower case, so two names differing only by case could never be told apart.
    private void CheckNameCase(IReadOnlyList<MetricSample> batch)
    {
        var inBatch = new Dictionary<(string, string), string>();
        var seenExact = new HashSet<(string, string)>();
        foreach (var sample in batch)
        {
            if (!seenExact.Add((sample.Namespace, sample.Name)))
            {
                continue; // this exact spelling was already checked in this batch
            }

            var key = MetricKey(sample.Namespace, sample.Name);
            var other = inBatch.TryGetValue(key, out var seen) ? seen
                : _byMetric.TryGetValue(key, out var entries) && entries.Length > 0 ? entries[0].Name
                : null;
            if (other is not null && !string.Equals(other, sample.Name, StringComparison.Ordinal))
            {
                throw new MetricNameConflictException(
                    $"metric name '{sample.Name}' differs only by case from '{other}' in namespace {sample.Namespace}; " +
                    "the HPA asks for metric names in lower case, so the two could not be told apart (push one spelling)");
            }

            inBatch[key] = sample.Name;
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
