using Autoscaler.Core.Forecasting.Models;

namespace Autoscaler.Core.Tests.Forecasting.Models;

public sealed class SsaModelTests
{
    private static double Signal(int t) => (10 * Math.Sin(2 * Math.PI * t / 24)) + (5 * Math.Cos(2 * Math.PI * t / 8));

    [Fact]
    public void DecompositionOfTwoSinusoidsHasRankFourAndContinuesThem()
    {
        // 288 points: whole periods of both cycles, so the centred series is the signal itself.
        var y = Synthetic.Generate(400, Signal);

        var ssa = SsaDecomposition.Fit(y.AsSpan(0, 288), 24, 16, 0.995);

        Assert.NotNull(ssa);
        Assert.Equal(4, ssa.Rank);
        var path = new double[24 + 48];
        ssa.Project(y.AsSpan(288 - 24, 24), path.AsSpan(0, 24));
        ssa.Continue(path, 24);

        for (var h = 0; h < 48; h++)
        {
            Assert.Equal(Signal(288 + h), path[24 + h], 6);
        }
    }

    [Fact]
    public void SsaForecasterReconstructsASumOfSinusoids()
    {
        var y = Synthetic.Generate(24 * 20, t => 100 + Signal(t));
        var n = 24 * 15;

        var forecast = Synthetic.Forecaster("ssa").Forecast(new(Synthetic.History(y, n, TimeSpan.FromHours(1)), 24));

        for (var h = 0; h < 24; h++)
        {
            Assert.Equal(y[n + h], forecast.P50[h], 3);
        }
    }
}
