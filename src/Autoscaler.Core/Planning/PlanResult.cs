using Autoscaler.Core.Decisions;

namespace Autoscaler.Core.Planning;

/// <summary>The outcome of one planner step.</summary>
/// <param name="Floor">The floor the plan holds now (after bounds), or null when the HPA alone decides.</param>
/// <param name="FloorToApply">What the actuator must hold: <paramref name="Floor"/> in Auto mode, null in Observe and Recommend.</param>
/// <param name="PlannedFloor">The floor over the plan horizon (empty when the horizon is zero).</param>
/// <param name="Record">Why, in full.</param>
/// <param name="State">The state for the next step.</param>
public sealed record PlanResult(int? Floor, int? FloorToApply, IReadOnlyList<FloorPoint> PlannedFloor, DecisionRecord Record, PlannerState State);
