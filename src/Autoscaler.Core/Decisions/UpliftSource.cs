namespace Autoscaler.Core.Decisions;

/// <summary>Where an event's expected load came from.</summary>
public enum UpliftSource
{
    /// <summary>No event was involved.</summary>
    None = 0,

    /// <summary>The calendar's stated expectation (the product manager's guess).</summary>
    Expected = 1,

    /// <summary>Learned by the forecaster from past occurrences of the same kind; replaces the guess.</summary>
    Learned = 2,
}
