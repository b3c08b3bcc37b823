using Autoscaler.Core.Forecasting;

namespace Autoscaler.Core.Planning;

/// <summary>
/// The forecasts a planner step reads. <see cref="WithEvents"/> is the load forecast knowing the calendar
/// (its <see cref="ForecastResult.EventUplift"/> says whether an event's uplift was learned from history);
/// <see cref="WithoutEvents"/>, when given, is the same forecaster without the calendar: its p50 is "normal"
/// for an event's multiplier or bump.
/// </summary>
/// <param name="WithEvents">Forecast with the event calendar.</param>
/// <param name="WithoutEvents">Forecast without it, or null (then normal falls back to one week earlier).</param>
public sealed record PlanForecast(ForecastResult WithEvents, ForecastResult? WithoutEvents = null)
{
    /// <summary>
    /// The <paramref name="quantile"/> of <paramref name="forecast"/> at <paramref name="time"/>: the grid point at
    /// or before it; quantiles between 0.1, 0.5 and 0.9 are interpolated linearly. NaN outside the forecast.
    /// </summary>
    public static double At(ForecastResult forecast, DateTimeOffset time, double quantile)
    {
        ArgumentNullException.ThrowIfNull(forecast);
        var index = (int)Math.Floor((time - forecast.FirstTarget) / forecast.Step);
        // The first target is one step after the origin: the origin's own instant reads the first target.
        if (index == -1) index = 0;
        if (index < 0 || index >= forecast.P50.Count) return double.NaN;
        double p10 = forecast.P10[index], p50 = forecast.P50[index], p90 = forecast.P90[index];
        return quantile <= 0.5
            ? p10 + ((p50 - p10) * (quantile - 0.1) / 0.4)
            : p50 + ((p90 - p50) * (quantile - 0.5) / 0.4);
    }
}
