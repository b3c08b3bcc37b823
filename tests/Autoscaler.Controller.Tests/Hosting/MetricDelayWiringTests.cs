using System.CommandLine;
using System.Globalization;
using System.Net;
using Autoscaler.Controller.History;
using Autoscaler.Controller.Hosting;
using Autoscaler.Controller.Reconciling;
using Autoscaler.Controller.Tests.History;
using Autoscaler.Controller.Tests.Support;
using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Controller.Tests.Hosting;

/// <summary>
/// <c>--metric-delay</c> reaches both history sources through the composition root's one call
/// (<see cref="HistorySources.From"/>): a point is read only once its step ended the delay before the read. The parity
/// tests set <see cref="HistorySources.MetricDelay"/> directly, so without this nothing checked the flag's wiring.
/// </summary>
public sealed class MetricDelayWiringTests
{
    private static readonly DateTimeOffset To = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(new string[0], 2)] // default 30 s: the 11:58 point (ends 11:59, known 11:59:30) is the last
    [InlineData(new[] { "--metric-delay", "2m" }, 3)] // 2 min: 11:57 (ends 11:58, known 12:00)
    public async Task The_flag_leaves_the_last_delay_out_of_prometheus_and_adapter_history(string[] delayArgs, int minutesBack)
    {
        var flags = new ControllerFlags();
        var root = new RootCommand();
        foreach (var option in flags.All)
        {
            root.Add(option);
        }

        var parsed = root.Parse([.. delayArgs, "--prometheus-url", "http://prom:9090/", "--adapter-url", "https://adapter.autoscaler.svc/"]);
        Assert.Empty(parsed.Errors);
        var handler = new PrometheusHistoryTests.Scripted(r => (HttpStatusCode.OK, QueryRangeAnswers.Matrix(r.RequestUri!, _ => 1)));
        var sources = HistorySources.From(flags.ToOptions(parsed), new HttpClient(handler), new HttpClient(handler));

        var prometheus = Resources.Policy("shop", "web", "web", PolicyModes.Observe);
        prometheus.Spec.History!.Prometheus!.Step = "1m";
        var adapter = Resources.Policy("shop", "web", "web", PolicyModes.Observe);
        adapter.Spec.History = new HistorySourceSpec { AdapterMetric = new AdapterMetricHistorySpec { Name = "queue_length" } };
        var expectedEnd = "end=" + To.AddMinutes(-minutesBack).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        foreach (var policy in new[] { prometheus, adapter })
        {
            var (source, missing) = sources.For(new ResolvedPolicy { Resource = policy, Problems = [] });
            Assert.Null(missing);
            handler.Requests.Clear();

            await source.GetHistoryAsync(To.AddHours(-1), To, CancellationToken.None);

            Assert.Contains(handler.Requests, r => r.Query.Contains(expectedEnd, StringComparison.Ordinal));
            Assert.All(handler.Requests, r => Assert.DoesNotContain("end=" + To.AddMinutes(-minutesBack + 1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), r.Query, StringComparison.Ordinal));
        }
    }
}
