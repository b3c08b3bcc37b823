using Autoscaler.Core.Forecasting.Models;

namespace Autoscaler.Core.Forecasting.Selection;

/// <summary>
/// Rolling-origin backtest inside the history: every candidate forecasts from the same internal origins,
/// errors are divided by the series' scale before each origin so that busy and quiet days count alike.
/// </summary>
internal sealed class RollingEvaluation
{
    private RollingEvaluation(IReadOnlyList<int> origins, IReadOnlyList<double[][]> forecasts, IReadOnlyList<double[]> scores)
    {
        Origins = origins;
        Forecasts = forecasts;
        Scores = scores;
    }

    /// <summary>The internal origins used.</summary>
    public IReadOnlyList<int> Origins { get; }

    /// <summary>Forecasts[model][origin index][lead].</summary>
    public IReadOnlyList<double[][]> Forecasts { get; }

    /// <summary>Scaled mean absolute error per model and lead.</summary>
    public IReadOnlyList<double[]> Scores { get; }

    public static RollingEvaluation Run(SeriesContext context, IReadOnlyList<IFittedModel> models, int leads, int maxOrigins)
    {
        var first = Math.Max(context.EvaluationStart, models.Max(m => m.MinOrigin));
        var last = context.Count - leads;
        var origins = new List<int>();
        if (last >= first)
        {
            var stride = Math.Max(1, (last - first + 1 + maxOrigins - 1) / maxOrigins);
            for (var o = last; o >= first; o -= stride)
            {
                origins.Add(o);
            }

            origins.Reverse();
        }

        var y = context.Values;
        var forecasts = new List<double[][]>();
        var scores = new List<double[]>();
        foreach (var model in models)
        {
            var table = new double[origins.Count][];
            var error = new double[leads];
            for (var i = 0; i < origins.Count; i++)
            {
                var o = origins[i];
                table[i] = new double[leads];
                model.Forecast(o, table[i]);
                var scale = context.ScaleBefore(o);
                for (var h = 0; h < leads; h++)
                {
                    error[h] += Math.Abs(y[o + h] - table[i][h]) / scale;
                }
            }

            forecasts.Add(table);
            scores.Add(error.Select(e => origins.Count == 0 ? double.PositiveInfinity : e / origins.Count).ToArray());
        }

        return new RollingEvaluation(origins, forecasts, scores);
    }

    /// <summary>Scaled residuals of a weighted blend of the evaluated models: [origin][lead].</summary>
    public List<double[]> BlendResiduals(SeriesContext context, double[][] weights, int leads)
    {
        var residuals = new List<double[]>(Origins.Count);
        for (var i = 0; i < Origins.Count; i++)
        {
            var o = Origins[i];
            var scale = context.ScaleBefore(o);
            var row = new double[leads];
            for (var h = 0; h < leads; h++)
            {
                var f = 0.0;
                for (var j = 0; j < Forecasts.Count; j++)
                {
                    f += weights[h][j] == 0 ? 0 : weights[h][j] * Forecasts[j][i][h];
                }

                row[h] = (context.Values[o + h] - f) / scale;
            }

            residuals.Add(row);
        }

        return residuals;
    }
}
