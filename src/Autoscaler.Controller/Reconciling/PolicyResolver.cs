using Autoscaler.Controller.Cluster;
using Autoscaler.Core.Forecasting;
using Autoscaler.Core.Forecasting.Accuracy;
using Autoscaler.Core.Planning;
using Autoscaler.Core.Planning.Calendar;
using Autoscaler.Kubernetes.Entities;
using Autoscaler.Kubernetes.Entities.Mapping;

namespace Autoscaler.Controller.Reconciling;

/// <summary>
/// Checks a PredictivePolicy against the cluster (HPA exists, forecaster and exclusion dates valid) and maps it to the
/// planner's terms. The trust gate: in auto, forecast-driven floors act only while the policy's rolling accuracy
/// beats persistence and daily seasonal-naive (status.accuracy.trusted); until then the policy behaves as recommend.
/// </summary>
public static class PolicyResolver
{
    /// <summary>Resolves one policy.</summary>
    /// <param name="resource">The policy.</param>
    /// <param name="hpas">HPAs in its namespace.</param>
    public static ResolvedPolicy Resolve(V1Alpha1PredictivePolicy resource, IReadOnlyList<HpaView> hpas)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(hpas);
        var spec = resource.Spec;
        var problems = new List<InputProblem>();
        var hpa = hpas.FirstOrDefault(h => h.Name == spec.TargetRef.Name);
        if (hpa is null)
        {
            problems.Add(new InputProblem("UnknownHpa", "spec.targetRef.name", $"no HorizontalPodAutoscaler named '{spec.TargetRef.Name}' in this namespace"));
        }

        if (!ForecasterCatalog.TryCreate(spec.Forecaster ?? "auto", out var forecaster, out var forecasterError))
        {
            problems.Add(new InputProblem("UnknownForecaster", "spec.forecaster", forecasterError));
        }

        var exclusions = new List<ExclusionDate>();
        var dates = spec.ExclusionDates ?? [];
        for (var i = 0; i < dates.Count; i++)
        {
            if (ExclusionDate.TryCreate(dates[i], spec.TimeZone ?? "UTC", out var dateError) is { } date)
            {
                exclusions.Add(date);
            }
            else
            {
                var field = dateError.Contains("time zone", StringComparison.Ordinal) ? "spec.timeZone" : $"spec.exclusionDates[{i}]";
                problems.Add(new InputProblem(field == "spec.timeZone" ? "UnknownTimeZone" : "InvalidDate", field, dateError));
            }
        }

        if (spec.TimeZone is { } zone && LocalTimeResolver.FindZone(zone, out var zoneError) is null && !problems.Any(p => p.Field == "spec.timeZone"))
        {
            problems.Add(new InputProblem("UnknownTimeZone", "spec.timeZone", zoneError));
        }

        TimeSpan? trustWindow = null;
        if (spec.TrustGate?.Enabled != false)
        {
            var text = spec.TrustGate?.Window ?? "7d";
            if (Core.TimeSeries.DurationParser.TryParse(text, out var window, out var windowError) && window >= TimeSpan.FromDays(1))
            {
                trustWindow = window;
            }
            else
            {
                problems.Add(new InputProblem("InvalidDuration", "spec.trustGate.window", windowError is { Length: > 0 } ? windowError : $"'{text}' is shorter than 1d"));
            }
        }

        AddRangeProblems(spec, problems);
        var (mode, reason, withheld) = EffectiveMode(resource);
        return new ResolvedPolicy
        {
            Resource = resource,
            Problems = problems,
            Hpa = hpa,
            Mode = mode,
            ModeReason = reason,
            ForecastWithheld = withheld,
            Actuation = spec.Actuation == ActuationKinds.ExternalMetric ? FloorActuation.ExternalMetric : FloorActuation.MinReplicas,
            Forecaster = forecaster,
            Quantile = spec.Quantile ?? 0.9,
            Headroom = (spec.HeadroomPercent ?? 10) / 100.0,
            Bounds = new SafetyBounds(spec.Bounds?.MaxFloor, spec.Bounds?.MaxStepUp),
            Exclusions = exclusions,
            TrustWindow = trustWindow,
        };
    }

    // The CRD schema's ranges, checked again: a policy the API server did not validate (an older CRD, a test, the
    // simulator's mapping) must not hand NaN or a negative bound to the planner (issue #15).
    private static void AddRangeProblems(PredictivePolicySpec spec, List<InputProblem> problems)
    {
        if (spec.Quantile is { } q && !(q >= 0.1 && q <= 0.9))
        {
            problems.Add(new InputProblem("InvalidQuantile", "spec.quantile", FormattableString.Invariant($"{q} is outside 0.1..0.9")));
        }

        if (spec.HeadroomPercent is { } headroom && headroom is < 0 or > 500)
        {
            problems.Add(new InputProblem("InvalidHeadroom", "spec.headroomPercent", $"{headroom} is outside 0..500"));
        }

        if (spec.Bounds?.MaxFloor is { } floor && floor is < 1 or > 10_000)
        {
            problems.Add(new InputProblem("InvalidBounds", "spec.bounds.maxFloor", $"{floor} is outside 1..10000"));
        }

        if (spec.Bounds?.MaxStepUp is { } step && step is < 1 or > 10_000)
        {
            problems.Add(new InputProblem("InvalidBounds", "spec.bounds.maxStepUp", $"{step} is outside 1..10000"));
        }
    }

    private static string Scores(AccuracySummary? accuracy) =>
        accuracy?.PolicyMape is { } m
            ? FormattableString.Invariant($" (MAPE {m * 100:0.0} % vs persistence {accuracy.PersistenceMape * 100:0.0} %, daily seasonal-naive {accuracy.SeasonalNaiveMape * 100:0.0} % over {accuracy.Window})")
            : " (not scored yet)";

    private static (PlanningMode Mode, string? Reason, bool Withheld) EffectiveMode(V1Alpha1PredictivePolicy resource)
    {
        var status = resource.Status;
        var approved = status?.ApprovedBy is { Length: > 0 } && status.ApprovedGeneration == resource.Metadata.Generation;
        switch (resource.Spec.Mode)
        {
            case PolicyModes.Observe:
                return (PlanningMode.Observe, null, false);
            case PolicyModes.Recommend:
                return approved ? (PlanningMode.Auto, $"recommendation approved by {status!.ApprovedBy}", false) : (PlanningMode.Recommend, null, false);
            default:
                // Core's gate, the same call as the simulator's: on the verdict of the last refit (status.accuracy).
                var gate = TrustGate.Decide(PlanningMode.Auto, resource.Spec.TrustGate?.Enabled != false, status?.Accuracy?.Trusted == true);
                if (!gate.Withheld)
                {
                    return (gate.Mode, null, false);
                }

                return approved
                    ? (PlanningMode.Auto, $"untrusted forecast, acting on the approval by {status!.ApprovedBy}", false)
                    : (gate.Mode, TrustGateDecision.WithheldReason + Scores(status?.Accuracy), true);
        }
    }
}
