using Autoscaler.Core.Forecasting;
using Autoscaler.Core.Forecasting.Events;
using Autoscaler.Core.Forecasting.Models;

namespace Autoscaler.Core.Tests.Forecasting.Selection;

/// <summary>One candidate failing never ends a forecast: it sits out, is named, and the blend uses the others.</summary>
public sealed class FailingCandidateTests
{
    private static readonly double[] Values = Synthetic.Generate(4 * 48, i => 100 + (i % 48));

    [Theory]
    [InlineData(Failure.ThrowOnFit)]
    [InlineData(Failure.ThrowOnForecast)]
    [InlineData(Failure.NaNAtTheOrigin)]
    [InlineData(Failure.InfinityEverywhere)]
    public void AFailingCandidateSitsOutAndTheOthersForecast(Failure failure)
    {
        var withFaulty = new ForecastEngine("test", [new Faulty(failure, Values.Length), new PersistenceModel()], EventUpliftOptions.Default);
        var alone = new ForecastEngine("test", [new PersistenceModel()], EventUpliftOptions.Default);

        var forecast = withFaulty.Forecast(Request());

        Assert.Equal(["faulty"], forecast.SatOut);
        Assert.Contains("sat out: faulty", forecast.Detail, StringComparison.Ordinal);
        Assert.Equal(alone.Forecast(Request()).P50, forecast.P50);
    }

    [Fact]
    public void AWorkingOracleWinsSoTheFaultsAboveAreWhatStopIt()
    {
        var engine = new ForecastEngine("test", [new Faulty(Failure.None, Values.Length), new PersistenceModel()], EventUpliftOptions.Default);

        var forecast = engine.Forecast(Request());

        Assert.Empty(forecast.SatOut);
        Assert.StartsWith("faulty", forecast.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void WhenEveryCandidateFailsTheLastValueIsHeld()
    {
        var engine = new ForecastEngine("test", [new Faulty(Failure.ThrowOnForecast, Values.Length)], EventUpliftOptions.Default);

        var forecast = engine.Forecast(Request());

        Assert.Equal(["faulty"], forecast.SatOut);
        Assert.StartsWith("persistence", forecast.Detail, StringComparison.Ordinal);
        Assert.All(forecast.P50, v => Assert.True(double.IsFinite(v)));
    }

    public enum Failure
    {
        None,
        ThrowOnFit,
        ThrowOnForecast,
        NaNAtTheOrigin,
        InfinityEverywhere,
    }

    private static ForecastRequest Request() => new(new ForecastHistory(Synthetic.Epoch, TimeSpan.FromMinutes(30), Values), 4);

    private sealed class Faulty(Failure failure, int count) : IPointModel, IFittedModel
    {
        public string Name => "faulty";

        public int MinOrigin => 1;

        public IFittedModel? Fit(SeriesContext context) =>
            failure == Failure.ThrowOnFit ? throw new IndexOutOfRangeException("as MathNet's EVD does") : this;

        public void Forecast(int origin, Span<double> output)
        {
            // Exact at lead 1 wherever it works, so it would win the blend if it were not stopped.
            output.Fill(failure switch
            {
                Failure.ThrowOnForecast => throw new InvalidOperationException("boom"),
                Failure.NaNAtTheOrigin when origin == count => double.NaN,
                Failure.InfinityEverywhere => double.PositiveInfinity,
                _ => 100 + (origin % 48),
            });
        }
    }
}
