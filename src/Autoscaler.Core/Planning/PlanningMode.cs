namespace Autoscaler.Core.Planning;

/// <summary>What the planner may do with the floor it computes.</summary>
public enum PlanningMode
{
    /// <summary>Compute and record the floor; change nothing (shadow mode).</summary>
    Observe = 0,

    /// <summary>Compute and record the floor as a recommendation awaiting approval; change nothing.</summary>
    Recommend = 1,

    /// <summary>Compute the floor and hand it to the actuator.</summary>
    Auto = 2,
}
