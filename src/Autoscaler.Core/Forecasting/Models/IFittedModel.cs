namespace Autoscaler.Core.Forecasting.Models;

/// <summary>
/// A model fitted at one origin. It can also forecast from earlier origins inside the history, which is
/// how the engine backtests, selects and calibrates without refitting at every internal origin.
/// </summary>
internal interface IFittedModel
{
    string Name { get; }

    /// <summary>Earliest origin index this model can forecast from.</summary>
    int MinOrigin { get; }

    /// <summary>
    /// Writes forecasts for indices <c>origin .. origin + output.Length - 1</c> using only the values at
    /// indices before <paramref name="origin"/> (plus fitted parameters).
    /// </summary>
    void Forecast(int origin, Span<double> output);
}
