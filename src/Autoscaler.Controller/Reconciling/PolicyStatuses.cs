using Autoscaler.Controller.Actuation;
using Autoscaler.Core.Planning;
using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Controller.Reconciling;

/// <summary>Computes a PredictivePolicy's status from its resolution and its target's outcome (pure).</summary>
public static class PolicyStatuses
{
    private static ResourceCondition History(IEnumerable<ResourceCondition>? previous, PlanResult? result, TargetOutcome? outcome, long? generation, DateTimeOffset now)
    {
        if (outcome?.HistoryFailure is { } failed)
        {
            // Current at every read: the error, how long, the next read; the last forecast stays in use when there is one.
            var forecastNote = result?.Record.Forecast is { } last ? $"; the last forecast ({last}) stays in use" : "; no forecast until a read succeeds";
            return Conditions.Make(previous, "HistoryAvailable", false, "QueryFailed", failed.Describe() + forecastNote, generation, now);
        }

        if (outcome?.ForecastPending == true)
        {
            return Conditions.Make(previous, "HistoryAvailable", false, "ForecastPending", Core.Control.PreScaleStep.PendingDetail, generation, now);
        }

        if (result?.Record.Forecast is { } forecast)
        {
            return Conditions.Make(previous, "HistoryAvailable", true, "Fitted", forecast, generation, now);
        }

        if (outcome?.Failure is { } failure)
        {
            // The target's pass failed elsewhere (a write to the cluster): nothing new is known about the history.
            return previous?.FirstOrDefault(c => c.Type == "HistoryAvailable")
                ?? Conditions.Unknown(previous, "HistoryAvailable", "NotRead", $"the target's pass failed before a plan was made ({failure}); the history state is not known", generation, now);
        }

        return Conditions.Make(previous, "HistoryAvailable", false, "NoHistory", outcome?.HistoryNote ?? "no forecast yet: the history returned no data", generation, now);
    }

    /// <summary>
    /// The floor in force through this policy. With externalMetric it is what the adapter serves, so it is the target's
    /// acting floor whoever asked for it (an approved event acts while the policy itself only recommends); with
    /// minReplicas it is shown only when the policy itself acts (the HPA's annotations show the rest).
    /// </summary>
    private static int? ActiveFloor(ResolvedPolicy resolved, TargetOutcome? outcome, bool acting) =>
        resolved.Actuation == FloorActuation.ExternalMetric
            ? outcome?.Acting is null ? null : outcome.HeldFloor ?? outcome.Acting.FloorToApply
            : acting ? outcome?.HeldFloor : null;

    private static AccuracySummary Summary(Core.Forecasting.Accuracy.AccuracyVerdict verdict) => new()
    {
        Window = Core.TimeSeries.DurationParser.Format(verdict.Window),
        PolicyMape = Round(verdict.ModelMape),
        PersistenceMape = Round(verdict.PersistenceMape),
        SeasonalNaiveMape = Round(verdict.SeasonalNaiveMape),
        Trusted = verdict.Trusted,
    };

    // Four decimals (0.01 %): status changes only when a score really moves, so a steady policy writes nothing.
    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;

    // Observe records only; recommend also publishes the floor (docs/controller.md, "Modes"). Observe used to be worded
    // "floors are recommended", which is what recommend does.
    private static string NotActing(string? mode) => mode == PolicyModes.Observe
        ? "mode observe: floors are planned and recorded in status.decisions only, neither recommended nor applied"
        : $"mode {mode}: the floor is recommended (status.recommendedFloor, a FloorRecommended Event) and applied only after approval of this generation";

    // A policy that does not run (invalid, or a duplicate): no mode, no history, no forecast, no accuracy of its own to
    // report; its conditions say why it does not act and that the history was not read.
    private static PredictivePolicyStatus NotRunning(ResolvedPolicy resolved, DateTimeOffset now)
    {
        var resource = resolved.Resource;
        var old = resource.Status;
        var generation = resource.Metadata.Generation;
        var problem = resolved.Problems[0];
        var problems = string.Join("; ", resolved.Problems);
        return new PredictivePolicyStatus
        {
            ObservedGeneration = generation,
            Decisions = old?.Decisions is { Count: > 0 } kept ? kept : null,
            Conditions =
            [
                Conditions.Make(old?.Conditions, "Valid", false, problem.Reason, problems, generation, now),
                Conditions.Make(old?.Conditions, "Acting", false, problem.Reason, $"not acting, nothing planned or recommended: {problems}", generation, now),
                Conditions.Unknown(old?.Conditions, "HistoryAvailable", "NotRead", $"the history is not read while the policy does not run ({problem.Reason})", generation, now),
            ],
        };
    }

    /// <summary>Builds the status; approval members are left to the approver.</summary>
    /// <param name="resolved">The resolved policy.</param>
    /// <param name="outcome">Its target's outcome, when it ran.</param>
    /// <param name="now">Now (UTC).</param>
    /// <param name="keep">Decision entries kept.</param>
    public static PredictivePolicyStatus Build(ResolvedPolicy resolved, TargetOutcome? outcome, DateTimeOffset now, int keep)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        if (resolved.Problems.Count > 0)
        {
            return NotRunning(resolved, now);
        }

        var resource = resolved.Resource;
        var old = resource.Status;
        var generation = resource.Metadata.Generation;
        var acting = resolved.Mode == PlanningMode.Auto;
        var result = acting ? outcome?.Acting : outcome?.Observing;
        var conditions = new List<ResourceCondition>
        {
            Conditions.Make(old?.Conditions, "Valid", true, "Valid", "the spec is valid and the target HPA exists", generation, now),
            Conditions.Make(old?.Conditions, "Acting", acting, acting ? "Auto" : resolved.Mode.ToString(),
                resolved.ModeReason ?? (acting ? "forecast floors are applied" : NotActing(resource.Spec.Mode)), generation, now),
            History(old?.Conditions, result, outcome, generation, now),
        };
        if (outcome?.Actuation == ActuationResult.Conflict)
        {
            conditions.Add(Conditions.Make(old?.Conditions, "FloorApplied", false, "FieldManagerConflict", outcome.Conflict ?? "conflict", generation, now));
        }

        var decisions = old?.Decisions?.ToList() ?? [];
        if (result is not null && outcome is not null)
        {
            decisions = DecisionEntries.Append(decisions, DecisionEntries.From(result.Record, outcome.Hpa.Name, FloorAnnotations.AppliedFloor(outcome.Hpa)), keep);
        }

        return new PredictivePolicyStatus
        {
            ObservedGeneration = generation,
            EffectiveMode = resolved.Mode switch { PlanningMode.Observe => PolicyModes.Observe, PlanningMode.Recommend => PolicyModes.Recommend, _ => PolicyModes.Auto },
            ActiveFloor = ActiveFloor(resolved, outcome, acting),
            RecommendedFloor = result?.Floor,
            OriginalMinReplicas = outcome?.OriginalMinReplicas,
            LeadTimeUsed = outcome is null ? null : Core.TimeSeries.DurationParser.Format(TimeSpan.FromSeconds(Math.Round(outcome.LeadTime.Value.TotalSeconds))),
            Forecast = result?.Record.Forecast is { } model ? new ForecastSummary { Model = model, GeneratedAt = result.Record.Time.UtcDateTime } : null,
            Accuracy = outcome?.Accuracy is { } verdict ? Summary(verdict) : old?.Accuracy,
            Decisions = decisions.Count == 0 ? null : decisions,
            Conditions = conditions,
        };
    }
}
