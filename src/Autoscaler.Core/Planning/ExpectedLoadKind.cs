namespace Autoscaler.Core.Planning;

/// <summary>How a scheduled event's expected load is stated.</summary>
public enum ExpectedLoadKind
{
    /// <summary>Load = normal × value ("about 8x").</summary>
    Multiplier = 0,

    /// <summary>Load = normal × (1 + value) ("+40 %" is 0.4).</summary>
    RelativeBump = 1,

    /// <summary>Value is a replica count to hold during the event, whatever the load.</summary>
    AbsoluteFloor = 2,
}
