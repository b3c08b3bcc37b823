using Autoscaler.Core.Forecasting;

namespace Autoscaler.Core.Control;

/// <summary>
/// The history source of targets without one (the controller's targets without a policy history, the calendar's
/// previews without a configured source): nothing is known, so the planner sees no forecast and no "normal"
/// load (absolute-floor events still plan; multiplier and bump events need a policy's history).
/// </summary>
public sealed class NoHistory : IHistorySource
{
    /// <summary>The shared instance.</summary>
    public static NoHistory Instance { get; } = new();

    /// <inheritdoc />
    public ValueTask<ForecastHistory?> GetHistoryAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ForecastHistory?>(null);
}
