using Autoscaler.MetricsAdapter.Sources.Push;
using Autoscaler.MetricsAdapter.Sources.Push.Protocol;
using Autoscaler.MetricsAdapter.Storage;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;

namespace Autoscaler.Benchmarks.Adapter;

/// <summary>
/// Push ingest into the embedded store, per sample (OperationsPerInvoke = batch size, so 1e9 / Mean(ns) is
/// samples per second). Baseline: appending the same samples to an in-memory list and a latest-value map,
/// the cheapest store imaginable, measured in the same run.
/// Run: dotnet run -c Release --project benchmarks/Autoscaler.Benchmarks -- --filter '*PushIngest*'
/// </summary>
[MemoryDiagnoser]
[WarmupCount(2)]
[IterationCount(8)]
public class PushIngestBenchmarks
{
    private const int Series = 100;
    private string _directory = string.Empty;
    private SqliteSampleStore _store = null!;
    private List<MetricSample> _memory = null!;
    private Dictionary<string, double> _latest = null!;
    private MetricSample[] _batch = null!;
    private byte[] _encoded = null!;
    private long _tick;

    /// <summary>Samples per batch (one SQLite transaction each); equals OperationsPerInvoke.</summary>
    private const int BatchSize = 10_000;

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "push-ingest-bench-" + Guid.NewGuid().ToString("N"));
        _store = new SqliteSampleStore(Path.Combine(_directory, "samples.db"));
        _memory = [];
        _latest = new Dictionary<string, double>(StringComparer.Ordinal);
        _batch = new MetricSample[BatchSize];
        var request = new PushRequest { Namespace = "shop" };
        for (var i = 0; i < BatchSize; i++)
        {
            var labels = new Dictionary<string, string> { ["queue"] = $"q{i % Series}", ["zone"] = "a" };
            _batch[i] = new MetricSample("shop", "queue_length", labels, i, 0);
            request.Samples.Add(new Sample { Name = "queue_length", Value = i, TimestampUnixMs = 0, Labels = { labels } });
        }

        _encoded = request.ToByteArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 10_000)]
    public int InMemoryAppend()
    {
        var ts = NextTimestamps();
        foreach (var sample in ts)
        {
            _memory.Add(sample);
            _latest[SeriesIdentity.Canonical(sample.Labels)] = sample.Value;
        }

        if (_memory.Count > 1_000_000)
        {
            _memory.Clear();
        }

        return _memory.Count;
    }

    [Benchmark(OperationsPerInvoke = 10_000)]
    public void SqliteStoreAppend() => _store.Append(NextTimestamps());

    /// <summary>The whole server-side push path minus the network: protobuf decode, validation, store append.</summary>
    [Benchmark(OperationsPerInvoke = 10_000)]
    public void DecodeValidateAppend()
    {
        var request = PushRequest.Parser.ParseFrom(_encoded);
        var samples = PushRequestValidator.Validate(request, ++_tick * 1000, new PushOptions { MaxFutureSkew = TimeSpan.MaxValue, MaxPastAge = TimeSpan.MaxValue }, out _);
        _store.Append(samples);
    }

    // Fresh timestamps each invocation, so every sample is a new row rather than a replace.
    private MetricSample[] NextTimestamps()
    {
        var ts = ++_tick * 1000;
        for (var i = 0; i < _batch.Length; i++)
        {
            _batch[i] = _batch[i] with { TimestampUnixMs = ts + (i / Series) };
        }

        return _batch;
    }
}
