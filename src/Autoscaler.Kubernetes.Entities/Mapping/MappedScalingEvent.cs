using Autoscaler.Core.Planning.Calendar;

namespace Autoscaler.Kubernetes.Entities.Mapping;

/// <summary>A ScalingEvent's spec in the planner's terms, or the problems that stop it from being one.</summary>
/// <param name="Series">The event's windows; null when any problem was found.</param>
/// <param name="ExplicitLeadTime">spec.leadTime when it is a duration; null for auto (or when invalid).</param>
/// <param name="Problems">Every problem found (empty when the spec maps).</param>
public sealed record MappedScalingEvent(EventSeries? Series, TimeSpan? ExplicitLeadTime, IReadOnlyList<InputProblem> Problems);
