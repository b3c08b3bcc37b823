namespace Autoscaler.Core.Forecasting.Models;

/// <summary>
/// Singular spectrum analysis with recurrent forecasting, in the manner of ML.NET's ForecastBySsa:
/// embed the series in lag vectors of length <c>L</c>, keep the leading eigenvectors of the lag
/// covariance, and continue the series with the linear recurrence they define.
/// Long fine-grained histories are first averaged onto a coarser grid (at most 96 points a day), so the
/// eigenproblem stays L ≤ 96 however fine the data: one day of 1-minute samples would otherwise be a
/// 1440 × 1440 problem at every origin. The coarse forecast is interpolated back onto the fine grid and
/// shifted to the last quarter hour's observed level.
/// </summary>
internal sealed class SsaModel(string name) : IPointModel
{
    private const int MaxPointsPerDay = 96;
    private const int MaxRank = 16;
    private const double EnergyShare = 0.995;

    public string Name => name;

    public IFittedModel? Fit(SeriesContext context)
    {
        var day = Math.Max(1, context.DayPeriod);
        var factor = Math.Max(1, (int)Math.Ceiling(day / (double)MaxPointsPerDay));
        var window = context.SeasonPeriod > 0 ? Math.Min(day / factor, MaxPointsPerDay) : Math.Min(48, MaxPointsPerDay);
        var coarse = Aggregate(context.Values, factor);
        var length = Math.Min(coarse.Length, 7 * window);
        if (window < 4 || length < 2 * window)
        {
            return null;
        }

        var lrf = SsaDecomposition.Fit(coarse.AsSpan(coarse.Length - length), window, MaxRank, EnergyShare);
        return lrf is null ? null : new SsaFitted(context.Values, coarse, factor, lrf, context.LevelWindow, name);
    }

    internal static double[] Aggregate(double[] values, int factor)
    {
        var coarse = new double[values.Length / factor];
        for (var b = 0; b < coarse.Length; b++)
        {
            var sum = 0.0;
            for (var i = b * factor; i < (b + 1) * factor; i++)
            {
                sum += values[i];
            }

            coarse[b] = sum / factor;
        }

        return coarse;
    }
}
