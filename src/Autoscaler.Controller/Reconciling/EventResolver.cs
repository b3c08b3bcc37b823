using Autoscaler.Controller.Cluster;
using Autoscaler.Kubernetes.Entities;
using Autoscaler.Kubernetes.Entities.Mapping;

namespace Autoscaler.Controller.Reconciling;

/// <summary>
/// Checks that a ScalingEvent's targets exist, and maps it to the planner's calendar types through the shared
/// <see cref="ScalingEventMapping"/> (time zone, times, DST, cron, durations). Collects every problem.
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
        var mapped = ScalingEventMapping.Map(spec, resource.Metadata.NamespaceProperty + "/" + resource.Metadata.Name);
        problems.AddRange(mapped.Problems);
        return new ResolvedEvent
        {
            Resource = resource,
            Problems = problems,
            Targets = targets,
            Series = problems.Count == 0 ? mapped.Series : null,
            ExplicitLeadTime = mapped.ExplicitLeadTime,
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
}
