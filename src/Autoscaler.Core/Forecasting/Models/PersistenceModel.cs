namespace Autoscaler.Core.Forecasting.Models;

/// <summary>The last value before the origin, held flat: the baseline every model must beat.</summary>
internal sealed class PersistenceModel : IPointModel
{
    public const string ModelName = "persistence";

    public string Name => ModelName;

    public IFittedModel? Fit(SeriesContext context) => context.Count < 1 ? null : new Fitted(context.Values);

    private sealed class Fitted(double[] values) : IFittedModel
    {
        public string Name => ModelName;

        public int MinOrigin => 1;

        public void Forecast(int origin, Span<double> output) => output.Fill(values[origin - 1]);
    }
}
