using System.Globalization;
using System.Text;
using Autoscaler.Controller.Cluster;
using Autoscaler.Core.Control;
using Autoscaler.Core.Planning;
using Autoscaler.Core.Planning.Calendar;

namespace Autoscaler.Controller.Reconciling;

/// <summary>
/// Maps one target's events and policy to Core's <see cref="PreScalePolicy"/> (the PolicyMapping of docs/controller.md),
/// with a fingerprint that changes whenever the mapping does, so the target's <see cref="PreScaleStep"/> is rebuilt
/// (and its forecast refitted) only then.
/// </summary>
public static class StepPolicies
{
    /// <summary>How far ahead recurring occurrences are expanded into the calendar (the step is rebuilt as they roll in).</summary>
    public static readonly TimeSpan CalendarReach = TimeSpan.FromDays(2);

    /// <summary>
    /// How long a due refit may wait for room in a pass's refit budget while the forecast still covers the lead-time
    /// window (<see cref="PreScalePolicy.RefitSlack"/>; each fit forecasts this much further).
    /// </summary>
    public static readonly TimeSpan RefitSlack = RefitSchedule.DeferralSlack;

    /// <summary>Builds the policy of the target's acting step.</summary>
    /// <param name="work">The target.</param>
    /// <param name="leadTime">Its lead time.</param>
    /// <param name="mode">Planning mode of the step.</param>
    /// <param name="withForecast">True to use the policy's forecaster and forecast floors.</param>
    /// <param name="now">Now (UTC), for the expansion of recurring events.</param>
    /// <returns>The step policy and its fingerprint.</returns>
    public static (PreScalePolicy Policy, string Fingerprint) Build(TargetWork work, LeadTime leadTime, PlanningMode mode, bool withForecast, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(leadTime);
        var occurrences = work.Events
            .SelectMany(e => e.Occurrences(now - TimeSpan.FromDays(1), now + CalendarReach))
            .ToList();
        var policy = work.Policy;
        var calendar = new EventCalendar(occurrences, exclusions: policy?.Exclusions);
        var step = new PreScalePolicy
        {
            Capacity = CapacityModel.ForHpa(work.Hpa.AverageValueTarget),
            LeadTime = leadTime,
            Calendar = calendar,
            Forecaster = withForecast ? policy?.Forecaster : null,
            ForecastFloors = withForecast && policy is not null,
            Quantile = policy?.Quantile ?? 0.9,
            Headroom = policy?.Headroom ?? 0.1,
            Bounds = policy?.Bounds ?? SafetyBounds.None,
            Mode = mode,
            Actuation = policy?.Actuation ?? FloorActuation.MinReplicas,
            TrustWindow = withForecast ? policy?.TrustWindow : null,
            RefitSlack = RefitSlack,
        };
        // Refit slots from the HPA's key: spread across the hour, the same after a restart or a leader change.
        step = step with { RefitPhase = RefitSchedule.PhaseOf(work.Hpa.Key, step.RefitEvery) };
        var print = new StringBuilder();
        print.Append(CultureInfo.InvariantCulture, $"{mode}|{withForecast}|{step.Capacity.Description}|{leadTime.HowComputed}|{step.Quantile}|{step.Headroom}|{step.Bounds}|{step.Actuation}|{step.TrustWindow}|{policy?.Resource.Metadata.Generation}");
        foreach (var o in occurrences)
        {
            print.Append(CultureInfo.InvariantCulture, $"|{o.Label}/{o.End:O}/{o.Expected}/{o.Ramp.Count}");
        }

        return (step, print.ToString());
    }
}
