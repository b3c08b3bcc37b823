using Autoscaler.Core.Planning;
using Autoscaler.Core.Planning.Calendar;

namespace Autoscaler.Simulator.Scenarios;

/// <summary>The scenario's optional <c>prescale</c> section: the planner run beside the HPA on the same virtual clock.</summary>
internal sealed record PrescaleModel
{
    /// <summary>The events CSV as written in the scenario, resolved against the scenario's folder; null when none.</summary>
    public string? EventsPath { get; init; }

    /// <summary>Events from the CSV and the inline schedule, recurring windows and exclusion dates.</summary>
    public required EventCalendar Calendar { get; init; }

    /// <summary>A catalog model name, or <c>none</c> for events only.</summary>
    public string Forecaster { get; init; } = "auto";

    public double Quantile { get; init; } = 0.9;

    public double Headroom { get; init; } = 0.1;

    /// <summary>Null: auto (startup + jitter + one sync + metric delay).</summary>
    public TimeSpan? LeadTime { get; init; }

    public FloorActuation Actuation { get; init; } = FloorActuation.MinReplicas;

    public TimeSpan RefitEvery { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan History { get; init; } = TimeSpan.FromDays(14);

    public int? MaxFloor { get; init; }

    public int? MaxStepUp { get; init; }

    public PlanningMode Mode { get; init; } = PlanningMode.Auto;

    /// <summary><c>always</c> (forecast floors everywhere) or <c>events</c> (floors only for scheduled events).</summary>
    public bool ForecastFloors { get; init; } = true;

    /// <summary>
    /// <c>trustGate.enabled</c>: in auto, forecast-driven floors act only while the forecaster's rolling accuracy beats
    /// persistence and daily seasonal-naive (Core's TrustGate, as the controller's PredictivePolicy); otherwise they are
    /// recommended only. Off by default in the simulator (each refit then costs 36 extra fits).
    /// </summary>
    public bool TrustGate { get; init; }

    /// <summary><c>trustGate.window</c>: the rolling window the gate scores over (default 7d, at least 1d).</summary>
    public TimeSpan TrustWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// <c>target</c>: the HPA's <c>namespace/name</c> as the controller keys it; its refit slots then are the controller's
    /// (Core RefitSchedule.PhaseOf). Null: the first fit's instant sets them.
    /// </summary>
    public string? Target { get; init; }
}
