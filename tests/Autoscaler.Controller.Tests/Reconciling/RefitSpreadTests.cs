using System.Globalization;
using System.Net;
using Autoscaler.Controller.Hosting;
using Autoscaler.Controller.Tests.Support;
using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Controller.Tests.Reconciling;

/// <summary>Issue #11 follow-up: policies created together do not refit together (Core's RefitSchedule).</summary>
public sealed class RefitSpreadTests
{
    private const int Policies = 40;

    /// <summary>A flat load of 500, any range and step, so every policy holds a forecast floor of 5.</summary>
    private static string Flat(Uri uri) => QueryRangeAnswers.Matrix(uri, _ => 500);

    [Fact]
    public async Task Policies_created_together_refit_at_most_their_share_per_pass_and_each_within_the_hour_plus_slack()
    {
        var h = ReconcilerHarness.OnPrometheus(r => (HttpStatusCode.OK, Flat(r.RequestUri!)), ReconcilerHarness.T0, new ControllerOptions { SyncPeriod = TimeSpan.FromSeconds(30) });
        var (cluster, handler, time, options, metrics) = (h.Cluster, h.Prometheus!, h.Time, h.Options, h.Metrics);
        for (var i = 0; i < Policies; i++)
        {
            var name = "web-" + i.ToString(CultureInfo.InvariantCulture);
            cluster.SetHpa(cluster.AddHpa("shop", name, 2, 20, 2) with { AverageValueTarget = 100 });
            var policy = Resources.Policy("shop", name, name, PolicyModes.Auto);
            policy.Spec.TrustGate = new TrustGateSpec { Enabled = false };
            policy.Spec.HeadroomPercent = 0;
            policy.Spec.History!.Prometheus!.Query = $"sum(rate(http_requests_total{{app=\"{name}\"}}[1m]))";
            cluster.AddPolicy(policy);
        }

        // The cold start is budgeted too (ColdStartBudgetTests): one first fit per pass until all 40 are fitted.
        for (var pass = 0; pass < Policies; pass++)
        {
            if (pass > 0) time.Advance(options.SyncPeriod);
            await h.PassAsync();
            Assert.Equal(pass + 1, handler.Requests.Count);
        }

        // 40 hourly policies on a 30 s pass: a share of ceil(40 × 30 / 3600) = 1 refit per pass.
        var lastRefit = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var maxPerPass = 0;
        var maxWaiting = 0.0;
        for (var pass = 1; pass <= 150; pass++) // 75 minutes
        {
            time.Advance(options.SyncPeriod);
            var before = handler.Requests.Count;
            await h.PassAsync();
            var refits = handler.Requests.Skip(before).ToList();
            maxPerPass = Math.Max(maxPerPass, refits.Count);
            maxWaiting = Math.Max(maxWaiting, metrics.RefitsWaiting.Value);
            foreach (var uri in refits)
            {
                lastRefit[System.Web.HttpUtility.ParseQueryString(uri.Query)["query"]!] = time.GetUtcNow();
            }

            for (var i = 0; i < Policies; i++)
            {
                Assert.True(cluster.Hpa("shop", "web-" + i.ToString(CultureInfo.InvariantCulture)).MinReplicas == 5,
                    $"pass {pass}: web-{i} lost its forecast floor while its refit waited");
            }
        }

        Assert.Equal(1, maxPerPass);
        Assert.True(maxWaiting >= 1, "40 phases in 120 passes collide somewhere: some refit must have waited (autoscaler_controller_refits_waiting)");
        Assert.Equal(0, metrics.RefitsWaiting.Value); // and nothing waits at the end
        Assert.Equal(Policies, lastRefit.Count); // everyone refitted within 75 minutes (its slot in the hour, plus any wait)
        Assert.True(lastRefit.Values.Distinct().Count() == lastRefit.Count, "two refits in one pass");
    }
}
