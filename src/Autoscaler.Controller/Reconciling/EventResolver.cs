using Autoscaler.Controller.Cluster;
using Autoscaler.Core.Labels;
using Autoscaler.Core.Planning;
using Autoscaler.Core.Planning.Calendar;
using Autoscaler.Core.TimeSeries;
using Autoscaler.Kubernetes.Entities;
using CoreLoad = Autoscaler.Core.Planning.ExpectedLoad;

namespace Autoscaler.Controller.Reconciling;

/// <summary>
/// Checks what the CRD schema cannot (targets exist, the time zone is known, end after start, no local time in a DST
/// gap, the cron schedule parses) and maps a ScalingEvent to the planner's calendar types. Collects every problem.
/// Time rules (local times, DST) are Core's <see cref="LocalTimeResolver"/> and <see cref="RecurringWindow"/>.
/// </summary>
public static class EventResolver
{
    /// <summary>Resolves one event against the HPAs of its namespace.</summary>
    /// <param name="resource">The event.</param>
    /// <param name="hpas">HPAs in the event's namespace.</param>
    /// <returns>The resolved event, with its problems.</returns>
    public static ResolvedEvent Resolve(V1Alpha1ScalingEvent resource, IReadOnlyList<HpaView> hpas)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(hpas);
        var spec = resource.Spec;
        var problems = new List<InputProblem>();
        var targets = Targets(spec.Targets, hpas, problems);
        var zone = spec.TimeZone;
        if (zone is not null && LocalTimeResolver.FindZone(zone, out var zoneError) is null)
        {
            problems.Add(new InputProblem("UnknownTimeZone", "spec.timeZone", zoneError));
            zone = null;
        }

        var start = Instant(spec.Start, zone ?? "UTC", isEnd: false, "spec.start", problems);
        var end = Instant(spec.End, zone ?? "UTC", isEnd: true, "spec.end", problems);
        if (start is { } s && end is { } e && e <= s)
        {
            problems.Add(new InputProblem("EndNotAfterStart", "spec.end", $"end {e:yyyy-MM-dd'T'HH:mm:ss'Z'} is not after start {s:yyyy-MM-dd'T'HH:mm:ss'Z'}"));
        }

        var expected = Expected(spec.ExpectedLoad, problems);
        var ramp = Ramp(spec.Ramp, problems);
        TimeSpan? lead = null;
        if (spec.LeadTime is { } leadText && leadText != "auto")
        {
            lead = Duration(leadText, "spec.leadTime", problems);
        }

        PlannedEvent? first = null;
        RecurringWindow? recurring = null;
        DateTimeOffset? until = null;
        if (problems.Count == 0 && start is { } from && end is { } to)
        {
            first = new PlannedEvent(from, to, spec.Kind, expected) { Ramp = ramp, Description = resource.Metadata.NamespaceProperty + "/" + resource.Metadata.Name };
            if (spec.Recurrence is { } recurrence)
            {
                recurring = RecurringWindow.TryCreate(recurrence.Schedule, zone ?? "UTC", to - from, spec.Kind, expected, ramp, out var cronError);
                if (recurring is null)
                {
                    problems.Add(new InputProblem("InvalidSchedule", "spec.recurrence.schedule", cronError));
                }

                until = recurrence.Until is { } untilText ? Instant(untilText, zone ?? "UTC", isEnd: true, "spec.recurrence.until", problems) : null;
            }
        }

        return new ResolvedEvent
        {
            Resource = resource,
            Problems = problems,
            Targets = targets,
            First = problems.Count == 0 ? first : null,
            Recurring = problems.Count == 0 ? recurring : null,
            Until = until,
            ExplicitLeadTime = lead,
        };
    }

    private static List<HpaView> Targets(ScalingEventTargets targets, IReadOnlyList<HpaView> hpas, List<InputProblem> problems)
    {
        var found = new List<HpaView>();
        if (targets.HpaNames is { } names)
        {
            for (var i = 0; i < names.Count; i++)
            {
                var hpa = hpas.FirstOrDefault(h => h.Name == names[i]);
                if (hpa is null)
                {
                    problems.Add(new InputProblem("UnknownHpa", $"spec.targets.hpaNames[{i}]", $"no HorizontalPodAutoscaler named '{names[i]}' in this namespace"));
                }
                else
                {
                    found.Add(hpa);
                }
            }
        }
        else if (targets.HpaSelector is { } selector)
        {
            var parsed = HpaSelectors.TryParse(selector, out var error);
            if (parsed is null)
            {
                problems.Add(new InputProblem("InvalidSelector", "spec.targets.hpaSelector", error));
            }
            else
            {
                found.AddRange(hpas.Where(h => parsed.Matches(h.Labels)));
                if (found.Count == 0)
                {
                    problems.Add(new InputProblem("UnknownHpa", "spec.targets.hpaSelector", $"no HorizontalPodAutoscaler in this namespace matches '{parsed}'"));
                }
            }
        }

        return found;
    }

    private static DateTimeOffset? Instant(string text, string zone, bool isEnd, string field, List<InputProblem> problems)
    {
        if (LocalTimeResolver.TryResolve(text, zone, isEnd, out var instant, out var error))
        {
            return instant;
        }

        var reason = error.Contains("DST gap", StringComparison.Ordinal) ? "LocalTimeInDstGap" : "InvalidTime";
        problems.Add(new InputProblem(reason, field, error));
        return null;
    }

    private static CoreLoad? Expected(Kubernetes.Entities.ExpectedLoad load, List<InputProblem> problems)
    {
        if (load.AbsoluteFloor is { } floor)
        {
            return CoreLoad.Floor(floor);
        }

        if (load.Multiplier is { } multiplier)
        {
            return CoreLoad.Multiplier(multiplier);
        }

        if (load.BumpPercent is { } bump)
        {
            return CoreLoad.Bump(bump / 100.0);
        }

        problems.Add(new InputProblem("MissingExpectedLoad", "spec.expectedLoad", "set one of multiplier, bumpPercent or absoluteFloor"));
        return null;
    }

    /// <summary>A ramp of R rises in four equal steps: a quarter of the load R before start, all of it R/4 before start.</summary>
    private static IReadOnlyList<RampStep> Ramp(string? text, List<InputProblem> problems)
    {
        if (text is null || Duration(text, "spec.ramp", problems) is not { } ramp || ramp <= TimeSpan.Zero)
        {
            return [];
        }

        return [new RampStep(ramp, 0.25), new RampStep(ramp * 0.75, 0.5), new RampStep(ramp * 0.5, 0.75), new RampStep(ramp * 0.25, 1.0)];
    }

    private static TimeSpan? Duration(string text, string field, List<InputProblem> problems)
    {
        if (DurationParser.TryParse(text, out var duration, out var error))
        {
            return duration;
        }

        problems.Add(new InputProblem("InvalidDuration", field, error));
        return null;
    }
}
