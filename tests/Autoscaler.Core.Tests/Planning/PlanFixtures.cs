using Autoscaler.Core.Forecasting;
using Autoscaler.Core.Forecasting.Events;
using Autoscaler.Core.Planning;
using Autoscaler.Core.Planning.Calendar;

namespace Autoscaler.Core.Tests.Planning;

/// <summary>Builders for planner inputs: a flat forecast, events, a 5-minute lead time.</summary>
internal static class PlanFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    public static PlanInput Input(PlanForecast? forecast = null, params PlannedEvent[] events) => new()
    {
        HpaMinReplicas = 2,
        HpaMaxReplicas = 100,
        CurrentReplicas = 2,
        Capacity = CapacityModel.ForAverageValue(100),
        LeadTime = LeadTime.Explicit(TimeSpan.FromMinutes(5)),
        Calendar = new EventCalendar(events),
        Forecast = forecast,
        Headroom = 0,
    };

    /// <summary>A forecast from <see cref="Now"/>, one value per minute for two hours: p10 = 0.8 v, p50 = v, p90 = 1.2 v.</summary>
    public static PlanForecast Flat(double value, ForecastEventUplift? uplift = null, Func<int, double>? shape = null)
    {
        var n = 120;
        var p50 = Enumerable.Range(0, n).Select(i => shape?.Invoke(i) ?? value).ToArray();
        var result = new ForecastResult("test", Now, TimeSpan.FromMinutes(1), p50.Select(v => v * 0.8).ToArray(), p50, p50.Select(v => v * 1.2).ToArray(), "test")
        {
            EventUplift = uplift,
        };
        return new PlanForecast(result);
    }

    public static PlannedEvent Event(TimeSpan startIn, TimeSpan length, ExpectedLoad? expected, string kind = "sale") =>
        new(Now + startIn, Now + startIn + length, kind, expected);
}
