namespace Autoscaler.MetricsAdapter.Sources.Push.Authorization;

/// <summary>An authorization answer for one push: the outcome and, unless allowed, a message for the client.</summary>
/// <param name="Outcome">What was decided.</param>
/// <param name="Message">Why (empty when allowed); safe to send to the client.</param>
public sealed record PushAccess(PushAccessOutcome Outcome, string Message)
{
    /// <summary>The allowed answer.</summary>
    public static PushAccess Allow { get; } = new(PushAccessOutcome.Allowed, string.Empty);

    /// <summary>True when the batch may be stored.</summary>
    public bool Allowed => Outcome == PushAccessOutcome.Allowed;
}
