namespace Autoscaler.Core.Forecasting.Models;

/// <summary>
/// The value one season before the target (the latest complete season before the origin). The season is
/// fixed by the caller or, when null, the one detected in the history; without a season it is persistence.
/// </summary>
internal sealed class SeasonalNaiveModel(TimeSpan? period, string name) : IPointModel
{
    public string Name => name;

    public IFittedModel? Fit(SeriesContext context)
    {
        var m = period is { } p ? context.StepsIn(p) : context.SeasonPeriod;
        m = Math.Max(1, m);
        return context.Count < m ? null : new Fitted(context.Values, m, name);
    }

    private sealed class Fitted(double[] values, int m, string name) : IFittedModel
    {
        public string Name => name;

        public int MinOrigin => m;

        public void Forecast(int origin, Span<double> output)
        {
            for (var k = 0; k < output.Length; k++)
            {
                var back = m * ((k / m) + 1);
                output[k] = values[origin + k - back];
            }
        }
    }
}
