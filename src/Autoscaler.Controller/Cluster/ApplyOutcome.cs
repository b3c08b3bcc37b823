namespace Autoscaler.Controller.Cluster;

/// <summary>The result of a server-side apply: applied, or refused because another field manager owns the field.</summary>
/// <param name="Applied">True when the apiserver accepted the apply.</param>
/// <param name="Conflict">The apiserver's conflict message (names the other manager and the field), when refused.</param>
public sealed record ApplyOutcome(bool Applied, string? Conflict)
{
    /// <summary>The apply was accepted.</summary>
    public static ApplyOutcome Success { get; } = new(true, null);

    /// <summary>A 409 conflict with another field manager.</summary>
    /// <param name="message">The apiserver's message.</param>
    public static ApplyOutcome Conflicted(string message) => new(false, message);
}
