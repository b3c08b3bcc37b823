using Autoscaler.Core.Forecasting;
using Autoscaler.Core.Planning;
using Autoscaler.Core.Planning.Calendar;

namespace Autoscaler.Core.Control;

/// <summary>The configuration of a <see cref="PreScaleStep"/>: everything of <see cref="PlanInput"/> that does not change between steps, plus the forecast cadence.</summary>
public sealed record PreScalePolicy
{
    /// <summary>Load → replicas.</summary>
    public required CapacityModel Capacity { get; init; }

    /// <summary>How long before it is needed the floor rises.</summary>
    public required LeadTime LeadTime { get; init; }

    /// <summary>Events and exclusion dates.</summary>
    public EventCalendar Calendar { get; init; } = EventCalendar.Empty;

    /// <summary>The forecaster (from <see cref="ForecasterCatalog"/>), or null for events only.</summary>
    public IForecaster? Forecaster { get; init; }

    /// <summary>True to hold forecast-driven floors outside events too.</summary>
    public bool ForecastFloors { get; init; } = true;

    /// <summary>Forecast quantile provisioned to, in [0.1, 0.9].</summary>
    public double Quantile { get; init; } = 0.9;

    /// <summary>Headroom over the quantile (0.1 = +10 %).</summary>
    public double Headroom { get; init; } = 0.1;

    /// <summary>Limits on the floor.</summary>
    public SafetyBounds Bounds { get; init; } = SafetyBounds.None;

    /// <summary>Observe, recommend or act.</summary>
    public PlanningMode Mode { get; init; } = PlanningMode.Auto;

    /// <summary>How the floor reaches the HPA.</summary>
    public FloorActuation Actuation { get; init; } = FloorActuation.MinReplicas;

    /// <summary>The default of <see cref="RefitEvery"/>: hourly.</summary>
    public static readonly TimeSpan DefaultRefitEvery = TimeSpan.FromHours(1);

    /// <summary>How often the forecast is refitted (&gt; 0); steps in between reuse it.</summary>
    public TimeSpan RefitEvery { get; init; } = DefaultRefitEvery;

    /// <summary>
    /// The step's refit slots: refits fall due at <c>Unix epoch + RefitPhase + k × RefitEvery</c>
    /// (<see cref="RefitSchedule.NextDue"/>; the controller uses <see cref="RefitSchedule.PhaseOf"/> of the HPA's key).
    /// Null: the phase of the first fit, i.e. every <see cref="RefitEvery"/> after it.
    /// </summary>
    public TimeSpan? RefitPhase { get; init; }

    /// <summary>
    /// How long a due refit may be deferred by a host's per-pass budget (<see cref="RefitSchedule.Grant"/>) while the
    /// current forecast still covers the lead-time window: every fit forecasts this much further ahead (default zero:
    /// the host never defers).
    /// </summary>
    public TimeSpan RefitSlack { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// When set, every refit also scores the forecaster against persistence and daily seasonal-naive over this rolling
    /// window (<see cref="Forecasting.Accuracy.TrustGate"/>; the result is <see cref="PreScaleStep.Accuracy"/>). Null: not scored.
    /// </summary>
    public TimeSpan? TrustWindow { get; init; }

    /// <summary>How much history each refit reads (default 14 days; at least 8 days so "one week earlier" exists).</summary>
    public TimeSpan HistoryWindow { get; init; } = TimeSpan.FromDays(14);

    /// <summary>How far ahead each result's planned floor reaches (zero: none).</summary>
    public TimeSpan PlanHorizon { get; init; } = TimeSpan.Zero;

    /// <summary>Spacing of the planned floor's points (&gt; 0; used when <see cref="PlanHorizon"/> is positive).</summary>
    public TimeSpan PlanStep { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Spacing of target times within the lead-time window.</summary>
    public TimeSpan Resolution { get; init; } = TimeSpan.FromMinutes(1);
}
