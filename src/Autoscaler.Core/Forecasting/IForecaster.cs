namespace Autoscaler.Core.Forecasting;

/// <summary>A pure, deterministic forecaster: the same request always gives the same result.</summary>
public interface IForecaster
{
    /// <summary>The name the forecaster is chosen by (for example <c>auto</c> or <c>seasonal-naive:1d</c>).</summary>
    string Name { get; }

    /// <summary>Forecasts the request's lead steps from its history only.</summary>
    ForecastResult Forecast(ForecastRequest request);
}
