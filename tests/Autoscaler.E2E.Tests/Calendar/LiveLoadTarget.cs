using System.Globalization;
using Autoscaler.E2E.Tests.Fixtures;

namespace Autoscaler.E2E.Tests.Calendar;

/// <summary>A scrape target on loopback exposing gauges (name → value) in Prometheus text format; values can change while it runs.</summary>
internal sealed class LiveLoadTarget : IAsyncDisposable
{
    private readonly Dictionary<string, double> _gauges = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private MetricsEndpoint _endpoint = null!;

    private LiveLoadTarget()
    {
    }

    public int Port => _endpoint.Port;

    public void Set(string gauge, double value)
    {
        lock (_lock)
        {
            _gauges[gauge] = value;
        }
    }

    public static async Task<LiveLoadTarget> StartAsync()
    {
        var target = new LiveLoadTarget();
        target._endpoint = await MetricsEndpoint.StartAsync(target.Exposition);
        return target;
    }

    public ValueTask DisposeAsync() => _endpoint.DisposeAsync();

    private string Exposition()
    {
        lock (_lock)
        {
            return string.Concat(_gauges.Select(g => $"# TYPE {g.Key} gauge\n{g.Key} {g.Value.ToString(CultureInfo.InvariantCulture)}\n"));
        }
    }
}
