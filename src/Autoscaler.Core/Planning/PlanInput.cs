using Autoscaler.Core.Forecasting;
using Autoscaler.Core.Planning.Calendar;

namespace Autoscaler.Core.Planning;

/// <summary>Everything one planner step reads, besides its own state and <c>now</c>.</summary>
public sealed record PlanInput
{
    /// <summary>The HPA's own spec.minReplicas (the floor is only a floor above it).</summary>
    public required int HpaMinReplicas { get; init; }

    /// <summary>The HPA's spec.maxReplicas: the floor never exceeds it.</summary>
    public required int HpaMaxReplicas { get; init; }

    /// <summary>The scale subresource's current replicas (for <see cref="SafetyBounds.MaxStepUp"/> and the record).</summary>
    public required int CurrentReplicas { get; init; }

    /// <summary>Load → replicas.</summary>
    public required CapacityModel Capacity { get; init; }

    /// <summary>How long before it is needed the floor rises.</summary>
    public required LeadTime LeadTime { get; init; }

    /// <summary>Scheduled events and exclusion dates.</summary>
    public EventCalendar Calendar { get; init; } = EventCalendar.Empty;

    /// <summary>The latest forecast, or null when there is none (forecaster <c>none</c>, or not fitted yet).</summary>
    public PlanForecast? Forecast { get; init; }

    /// <summary>Recent observed load; "normal" falls back to its value one week before a target time.</summary>
    public ForecastHistory? RecentHistory { get; init; }

    /// <summary>True to hold a floor for the forecast outside events too; false for event windows only.</summary>
    public bool ForecastFloors { get; init; } = true;

    /// <summary>
    /// False while a trust gate withholds the forecast (issue #11): nothing learned from <see cref="Forecast"/> acts. No
    /// forecast floor, no learned event uplift (the calendar's stated expectation is used), and a multiplier or bump
    /// event takes its normal load from <see cref="RecentHistory"/> (the same time one week earlier, observed), as if
    /// there were no forecast. The record still names the forecast. Default true.
    /// </summary>
    public bool ForecastTrusted { get; init; } = true;

    /// <summary>Forecast quantile provisioned to, in [0.1, 0.9] (default 0.9).</summary>
    public double Quantile { get; init; } = 0.9;

    /// <summary>Extra share of load provisioned above the quantile (0.1 = +10 %), ≥ 0.</summary>
    public double Headroom { get; init; } = 0.1;

    /// <summary>Limits on the floor.</summary>
    public SafetyBounds Bounds { get; init; } = SafetyBounds.None;

    /// <summary>Observe, recommend or act.</summary>
    public PlanningMode Mode { get; init; } = PlanningMode.Auto;

    /// <summary>How the floor reaches the HPA (stated in the record; the actuator acts on it).</summary>
    public FloorActuation Actuation { get; init; } = FloorActuation.MinReplicas;

    /// <summary>How far ahead <see cref="PlanResult.PlannedFloor"/> reaches; zero skips it (hot loops).</summary>
    public TimeSpan PlanHorizon { get; init; } = TimeSpan.Zero;

    /// <summary>Spacing of <see cref="PlanResult.PlannedFloor"/> points (&gt; 0). The points lie on the step's epoch-aligned
    /// instants (Unix epoch + k × step, as <see cref="Forecasting.HistoryGrid"/>): the first at or after now, the last at or
    /// before now + <see cref="PlanHorizon"/>.</summary>
    public TimeSpan PlanStep { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Spacing of the target times examined within the lead-time window (default 1 minute, &gt; 0).</summary>
    public TimeSpan Resolution { get; init; } = TimeSpan.FromMinutes(1);
}
