using Prometheus;

namespace Autoscaler.Controller.Telemetry;

/// <summary>
/// The controller's Prometheus instruments on a registry of its own (one per host, so tests can create many):
/// floor, lead time, forecast, reconcile latency, decisions, API writes, waiting refits and leadership.
/// </summary>
public sealed class ControllerMetrics
{
    /// <summary>Creates the instruments on a new registry.</summary>
    public ControllerMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        Floor = factory.CreateGauge("autoscaler_controller_floor_replicas", "Replica floor held on the HPA (0 when none).", "namespace", "hpa");
        Recommended = factory.CreateGauge("autoscaler_controller_recommended_floor_replicas", "Floor the planner asks for in any mode (0 when none).", "namespace", "hpa");
        LeadTime = factory.CreateGauge("autoscaler_controller_lead_time_seconds", "Lead time used for the HPA.", "namespace", "hpa");
        ForecastP50 = factory.CreateGauge("autoscaler_controller_forecast_normal", "The planner's normal load for the HPA (forecast p50 or one week earlier), NaN when unknown.", "namespace", "hpa");
        ReconcileSeconds = factory.CreateHistogram("autoscaler_controller_reconcile_seconds", "Duration of one full reconcile pass.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.001, 2, 14) });
        Decisions = factory.CreateCounter("autoscaler_controller_decisions_total", "Decision records written, by mode and reason.", "mode", "reason");
        Writes = factory.CreateCounter("autoscaler_controller_api_writes_total", "Writes to the apiserver, by kind (apply, status, event).", "kind");
        Leader = factory.CreateGauge("autoscaler_controller_leader", "1 while this replica holds the Lease and acts.");
        RefitsWaiting = factory.CreateGauge("autoscaler_controller_refits_waiting", "Forecast refits due but left for a later pass by the pass's refit share.");
        Invalid = factory.CreateGauge("autoscaler_controller_invalid_resources", "ScalingEvents and PredictivePolicies with Valid=False.");
    }

    /// <summary>The registry /metrics exports.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>Floor held.</summary>
    public Gauge Floor { get; }

    /// <summary>Floor recommended.</summary>
    public Gauge Recommended { get; }

    /// <summary>Lead time.</summary>
    public Gauge LeadTime { get; }

    /// <summary>Normal load.</summary>
    public Gauge ForecastP50 { get; }

    /// <summary>Pass latency.</summary>
    public Histogram ReconcileSeconds { get; }

    /// <summary>Decisions.</summary>
    public Counter Decisions { get; }

    /// <summary>API writes.</summary>
    public Counter Writes { get; }

    /// <summary>Leadership.</summary>
    public Gauge Leader { get; }

    /// <summary>Refits waiting for room in a pass (docs/controller.md, "Refits spread across the hour").</summary>
    public Gauge RefitsWaiting { get; }

    /// <summary>Invalid resources.</summary>
    public Gauge Invalid { get; }
}
