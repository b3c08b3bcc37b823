namespace Autoscaler.Core.Forecasting.Models;

/// <summary>A point-forecast method; quantiles and events are added around it by the engine.</summary>
internal interface IPointModel
{
    string Name { get; }

    /// <summary>Fits on the whole context; returns null when the history is too short for this method.</summary>
    IFittedModel? Fit(SeriesContext context);
}
