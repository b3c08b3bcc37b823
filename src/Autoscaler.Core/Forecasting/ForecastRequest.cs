using Autoscaler.Core.Forecasting.Events;

namespace Autoscaler.Core.Forecasting;

/// <summary>
/// What to forecast: the <paramref name="LeadSteps"/> grid points that follow the history
/// (lead 1 is at <c>History.TimeAt(History.Count)</c>), knowing the whole event calendar in advance.
/// </summary>
/// <param name="History">Observations strictly before the first forecast target.</param>
/// <param name="LeadSteps">How many grid points to forecast (at least 1).</param>
/// <param name="Events">Scheduled events, past and future; empty when there is no calendar.</param>
public sealed record ForecastRequest(ForecastHistory History, int LeadSteps, IReadOnlyList<ScheduledEvent> Events)
{
    /// <summary>A request without an event calendar.</summary>
    public ForecastRequest(ForecastHistory history, int leadSteps)
        : this(history, leadSteps, Array.Empty<ScheduledEvent>())
    {
    }
}
