namespace Autoscaler.Core.Decisions;

/// <summary>What bound the floor at a step.</summary>
public enum DecisionReason
{
    /// <summary>No floor: nothing needed more than the HPA's own minReplicas; the HPA decides.</summary>
    NoFloor = 0,

    /// <summary>A scheduled event (or its ramp) set the floor.</summary>
    Event = 1,

    /// <summary>The load forecast at the chosen quantile plus headroom set the floor.</summary>
    Forecast = 2,

    /// <summary>The plan wanted more than the HPA's maxReplicas.</summary>
    MaxReplicas = 3,

    /// <summary>The plan wanted more than the configured maxFloor.</summary>
    MaxFloor = 4,

    /// <summary>The floor rose by the configured maxStepUp and no more.</summary>
    MaxStepUp = 5,

    /// <summary>
    /// No forecast yet: the step's first fit waits for the host's refit budget (<see cref="Control.RefitSchedule.Grant"/>,
    /// a cold start). Nothing is actuated from it: a floor already held stays held, no new one is raised; events that need
    /// no fit still act.
    /// </summary>
    ForecastPending = 6,

    /// <summary>
    /// No forecast: the step's history reads failed before its first fit (<see cref="Control.HistoryReadFailure"/>; read
    /// again after a backoff). Nothing is actuated from the forecast, as in <see cref="ForecastPending"/>; events that need
    /// no history still act.
    /// </summary>
    HistoryUnavailable = 7,
}
