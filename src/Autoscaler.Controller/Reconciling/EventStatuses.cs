using Autoscaler.Controller.Actuation;
using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Controller.Reconciling;

/// <summary>Computes a ScalingEvent's status from its resolution and its targets' outcomes (pure).</summary>
public static class EventStatuses
{
    /// <summary>How far ahead the next occurrence of a recurring event is looked for.</summary>
    public static readonly TimeSpan NextOccurrenceReach = TimeSpan.FromDays(35);

    /// <summary>Builds the status; approval members are copied from the stored status (the approver owns them).</summary>
    /// <param name="resolved">The resolved event.</param>
    /// <param name="outcomes">Outcomes by HPA key (namespace/name).</param>
    /// <param name="now">Now (UTC).</param>
    /// <param name="keep">Decision entries kept.</param>
    public static ScalingEventStatus Build(ResolvedEvent resolved, IReadOnlyDictionary<string, TargetOutcome> outcomes, DateTimeOffset now, int keep)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        ArgumentNullException.ThrowIfNull(outcomes);
        var resource = resolved.Resource;
        var old = resource.Status;
        var generation = resource.Metadata.Generation;
        var mine = resolved.Targets.Select(t => outcomes.GetValueOrDefault(t.Key)).OfType<TargetOutcome>().ToList();
        var lead = mine.Count == 0 ? resolved.ExplicitLeadTime ?? TimeSpan.Zero : mine.Max(o => o.LeadTime.Value);
        var conditions = new List<ResourceCondition>
        {
            resolved.Problems.Count == 0
                ? Conditions.Make(old?.Conditions, "Valid", true, "Valid", "the spec is valid and every target exists", generation, now)
                : Conditions.Make(old?.Conditions, "Valid", false, resolved.Problems[0].Reason, string.Join("; ", resolved.Problems), generation, now),
            resolved.Approved
                ? Conditions.Make(old?.Conditions, "Approved", true, "Approved", $"approved by {old!.ApprovedBy}", generation, now)
                : Conditions.Make(old?.Conditions, "Approved", false, "AwaitingApproval",
                    "awaiting approval by a user allowed to 'approve' scalingevents (checked with a SubjectAccessReview)", generation, now),
        };
        var conflicts = mine.Where(o => o.Actuation == ActuationResult.Conflict).ToList();
        if (resolved.Plannable)
        {
            conditions.Add(conflicts.Count > 0
                ? Conditions.Make(old?.Conditions, "FloorApplied", false, "FieldManagerConflict", string.Join("; ", conflicts.Select(c => $"{c.Hpa.Name}: {c.Conflict}")), generation, now)
                : Conditions.Make(old?.Conditions, "FloorApplied", true, "Applied", "every target holds the planned floor (or none is due)", generation, now));
        }

        var (phase, start, end) = Phase(resolved, lead, now);
        var decisions = old?.Decisions?.ToList() ?? [];
        foreach (var outcome in mine.Where(o => o.Acting is not null && resolved.Plannable))
        {
            var previous = outcome.Hpa.Annotations.ContainsKey(AutoscalerApi.AppliedFloorAnnotation) ? FloorAnnotations.AppliedFloor(outcome.Hpa) : null;
            decisions = DecisionEntries.Append(decisions, DecisionEntries.From(outcome.Acting!.Record, outcome.Hpa.Name, previous), keep);
        }

        return new ScalingEventStatus
        {
            ObservedGeneration = generation,
            Phase = phase,
            NextStart = start?.UtcDateTime,
            NextEnd = end?.UtcDateTime,
            LeadTimeUsed = resolved.Plannable && mine.Count > 0 ? Core.TimeSeries.DurationParser.Format(TimeSpan.FromSeconds(Math.Round(lead.TotalSeconds))) : null,
            LeadTimeSource = resolved.Plannable && mine.Count > 0 ? mine.OrderByDescending(o => o.LeadTime.Value).First().LeadTimeSource : null,
            Targets = resolved.Targets.Select(t => Target(t, outcomes.GetValueOrDefault(t.Key), phase, start, end, lead)).ToList(),
            Decisions = decisions.Count == 0 ? null : decisions,
            Conditions = conditions,
        };
    }

    private static (string Phase, DateTimeOffset? Start, DateTimeOffset? End) Phase(ResolvedEvent resolved, TimeSpan lead, DateTimeOffset now)
    {
        if (resolved.Cancelled)
        {
            return (ScalingEventPhases.Cancelled, null, null);
        }

        if (resolved.Problems.Count > 0)
        {
            return (ScalingEventPhases.Rejected, null, null);
        }

        var first = resolved.First!;
        var longest = first.End - first.RampStart;
        var around = resolved.Occurrences(now - longest, now + NextOccurrenceReach);
        var current = around.FirstOrDefault(o => o.RampStart - lead <= now && now < o.End);
        var next = current ?? around.FirstOrDefault(o => o.RampStart - lead > now);
        if (!resolved.Approved)
        {
            return (ScalingEventPhases.Proposed, next?.Start ?? first.Start, next?.End ?? first.End);
        }

        if (current is not null)
        {
            return (ScalingEventPhases.Active, current.Start, current.End);
        }

        if (next is not null)
        {
            return (ScalingEventPhases.Scheduled, next.Start, next.End);
        }

        return resolved.Recurring is null || now >= (resolved.Until ?? DateTimeOffset.MaxValue)
            ? (ScalingEventPhases.Completed, first.Start, first.End)
            : (ScalingEventPhases.Approved, null, null);
    }

    private static TargetFloorStatus Target(Cluster.HpaView hpa, TargetOutcome? outcome, string phase, DateTimeOffset? start, DateTimeOffset? end, TimeSpan lead)
    {
        int? planned = null;
        if (outcome?.Acting is { } acting && start is { } s && end is { } e)
        {
            planned = phase == ScalingEventPhases.Active
                ? acting.Floor
                : acting.PlannedFloor.Where(p => p.Time >= s - lead && p.Time < e && p.Floor > 0).Select(p => (int?)p.Floor).Max();
        }

        return new TargetFloorStatus
        {
            Hpa = hpa.Name,
            PlannedFloor = planned,
            AppliedFloor = outcome?.HeldFloor,
            OriginalMinReplicas = outcome?.OriginalMinReplicas ?? FloorAnnotations.OriginalMinReplicas(hpa),
            ApiVersion = "autoscaling/" + hpa.ApiVersion,
        };
    }
}
