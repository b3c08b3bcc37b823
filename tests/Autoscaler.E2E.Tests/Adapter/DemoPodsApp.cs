using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Autoscaler.E2E.Tests.Fixtures;

namespace Autoscaler.E2E.Tests.Adapter;

/// <summary>
/// A tiny application exposing a per-pod <c>http_requests_per_second{pod="NAME"}</c> gauge in Prometheus text format
/// on loopback: the load <see cref="Total"/> spread evenly over the pods it serves, as a load balancer in front
/// of a Deployment would, plus fixed values for pods outside it. Tests tell it which pods are running.
/// </summary>
internal sealed class DemoPodsApp : IAsyncDisposable
{
    private MetricsEndpoint _endpoint = null!;
    private ImmutableSortedSet<string> _serving = [];
    private ImmutableDictionary<string, double> _fixed = ImmutableDictionary<string, double>.Empty;
    private long _totalBits = BitConverter.DoubleToInt64Bits(0);

    private DemoPodsApp()
    {
    }

    public int Port => _endpoint.Port;

    /// <summary>Requests per second over all serving pods.</summary>
    public double Total
    {
        get => BitConverter.Int64BitsToDouble(Interlocked.Read(ref _totalBits));
        set => Interlocked.Exchange(ref _totalBits, BitConverter.DoubleToInt64Bits(value));
    }

    /// <summary>The pods sharing <see cref="Total"/>.</summary>
    public IReadOnlySet<string> Serving
    {
        get => _serving;
        set => _serving = [.. value];
    }

    /// <summary>Exposes a fixed value for a pod that does not share the load (another app's pod).</summary>
    public void SetFixed(string pod, double value) => ImmutableInterlocked.AddOrUpdate(ref _fixed, pod, value, (_, _) => value);

    public static async Task<DemoPodsApp> StartAsync()
    {
        var demo = new DemoPodsApp();
        demo._endpoint = await MetricsEndpoint.StartAsync(demo.Exposition);
        return demo;
    }

    public ValueTask DisposeAsync() => _endpoint.DisposeAsync();

    private string Exposition()
    {
        var serving = _serving;
        var text = new StringBuilder("# HELP http_requests_per_second Requests served per second.\n# TYPE http_requests_per_second gauge\n");
        foreach (var pod in serving)
        {
            text.Append(CultureInfo.InvariantCulture, $"http_requests_per_second{{pod=\"{pod}\"}} {Total / serving.Count}\n");
        }

        foreach (var (pod, value) in _fixed)
        {
            text.Append(CultureInfo.InvariantCulture, $"http_requests_per_second{{pod=\"{pod}\"}} {value}\n");
        }

        return text.ToString();
    }
}
