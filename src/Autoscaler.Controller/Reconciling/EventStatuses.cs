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
        var (phase, start, end) = Phase(resolved, lead, now);
        var conditions = new List<ResourceCondition>
        {
            resolved.Problems.Count == 0
                ? Conditions.Make(old?.Conditions, "Valid", true, "Valid", "the spec is valid and every target exists", generation, now)
                : Conditions.Make(old?.Conditions, "Valid", false, resolved.Problems[0].Reason, string.Join("; ", resolved.Problems), generation, now),
            Approval(resolved, phase, old, generation, now),
        };
        var conflicts = mine.Where(o => o.Actuation == ActuationResult.Conflict).ToList();
        if (resolved.Plannable)
        {
            conditions.Add(conflicts.Count > 0
                ? Conditions.Make(old?.Conditions, "FloorApplied", false, "FieldManagerConflict", string.Join("; ", conflicts.Select(c => $"{c.Hpa.Name}: {c.Conflict}")), generation, now)
                : phase == ScalingEventPhases.Completed
                    ? Conditions.Make(old?.Conditions, "FloorApplied", false, "WindowEnded",
                        "the event's last window has ended: it holds no floor any more (the HPA's own minReplicas, or another requester's floor, rules)", generation, now)
                    : Conditions.Make(old?.Conditions, "FloorApplied", true, "Applied", "every target holds the planned floor (or none is due)", generation, now));
        }

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

    /// <summary>
    /// The Approved condition, never at odds with the phase: only a valid, not cancelled, unapproved event invites approval
    /// (Proposed); a Rejected one says what to fix first, a Cancelled one that it will not act. An approval already given
    /// stays True (it is a fact, and counts again if the spec becomes valid without a new generation), saying why the event
    /// does not act.
    /// </summary>
    private static ResourceCondition Approval(ResolvedEvent resolved, string phase, ScalingEventStatus? old, long? generation, DateTimeOffset now)
    {
        var problems = string.Join("; ", resolved.Problems);
        if (resolved.Approved)
        {
            var why = phase switch
            {
                ScalingEventPhases.Cancelled => "; cancelled (spec.cancelled: true), so it does not act",
                ScalingEventPhases.Rejected => $"; rejected, so it does not act until the spec is fixed: {problems}",
                _ => "",
            };
            return Conditions.Make(old?.Conditions, "Approved", true, "Approved", $"approved by {old!.ApprovedBy}{why}", generation, now);
        }

        return phase switch
        {
            ScalingEventPhases.Cancelled => Conditions.Make(old?.Conditions, "Approved", false, "Cancelled",
                "cancelled (spec.cancelled: true): nothing to approve, it will not act", generation, now),
            ScalingEventPhases.Rejected => Conditions.Make(old?.Conditions, "Approved", false, "Rejected",
                $"not open for approval: the spec is invalid ({problems}); fix it (see the Valid condition), then the new generation awaits approval", generation, now),
            _ => Conditions.Make(old?.Conditions, "Approved", false, "AwaitingApproval",
                "awaiting approval by a user allowed to 'approve' scalingevents (checked with a SubjectAccessReview)", generation, now),
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
