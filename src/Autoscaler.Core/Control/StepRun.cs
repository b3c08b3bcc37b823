namespace Autoscaler.Core.Control;

/// <summary>How a host asks <see cref="PreScaleStep.RunOnceAsync(StepRun, CancellationToken)"/> to run one step.</summary>
/// <param name="DeferFit">
/// True when the host's refit budget (<see cref="RefitSchedule.Grant"/>) has no room for this step's fit now: a due refit
/// waits (the forecast in use is kept; it covers <see cref="PreScalePolicy.RefitSlack"/> beyond the due time), and so does
/// the first fit (the step is then <see cref="PreScaleStep.FitPending"/>: it records
/// <see cref="Decisions.DecisionReason.ForecastPending"/> and actuates nothing but events).
/// </param>
/// <param name="WithholdForecastFloors">
/// True when the trust gate withholds the forecast-driven floors (<see cref="Forecasting.Accuracy.TrustGate.Decide"/>
/// returned <c>Withheld</c>): events still act, on their stated expectation and the load observed one week earlier
/// (nothing learned from the untrusted forecast acts, <see cref="Planning.PlanInput.ForecastTrusted"/>); the forecast's
/// plan is kept as <see cref="PreScaleStep.Recommendation"/> and its floor recorded as
/// <see cref="Decisions.DecisionRecord.WithheldFloor"/>.
/// </param>
public sealed record StepRun(bool DeferFit = false, bool WithholdForecastFloors = false)
{
    /// <summary>A step that fits when due and acts on everything.</summary>
    public static StepRun Default { get; } = new();
}
