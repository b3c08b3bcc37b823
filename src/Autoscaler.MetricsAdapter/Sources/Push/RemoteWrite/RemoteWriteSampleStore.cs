using Autoscaler.MetricsAdapter.Storage;

namespace Autoscaler.MetricsAdapter.Sources.Push.RemoteWrite;

/// <summary>
/// The push path's store when a remote-write sink is configured: <see cref="RemoteWriteMode.Also"/> appends to the
/// embedded store first (its limits and name checks refuse a batch before anything leaves the adapter), then writes
/// the batch remotely; <see cref="RemoteWriteMode.Instead"/> (no inner store) only writes remotely and serves nothing
/// itself. A push is acknowledged only once the receiver accepted it; a failed write throws
/// <see cref="RemoteWriteException"/>, and a retry of the same batch is idempotent in both stores (same timestamps).
/// </summary>
internal sealed class RemoteWriteSampleStore(ISampleStore? inner, RemoteWriteClient client) : ISampleStore, IDisposable
{
    public void Append(IReadOnlyList<MetricSample> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var request = RemoteWriteRequestBuilder.Build(batch);
        inner?.Append(batch);
        client.Send(request);
    }

    public IReadOnlyList<StoredSeries> Latest(string ns, string name, Func<IReadOnlyDictionary<string, string>, bool> matches) =>
        inner?.Latest(ns, name, matches) ?? [];

    public StoredRange? Range(RangeQuery query) => inner?.Range(query);

    public IReadOnlyList<(string Namespace, string Name)> MetricNames() => inner?.MetricNames() ?? [];

    public int Prune(long cutoffUnixMs) => inner?.Prune(cutoffUnixMs) ?? 0;

    public void Dispose()
    {
        client.Dispose();
        (inner as IDisposable)?.Dispose();
    }
}
