using Autoscaler.Core.Forecasting.Models;

namespace Autoscaler.Core.Forecasting.Selection;

/// <summary>
/// Rolling-origin backtest inside the history: every candidate forecasts from the same internal origins,
/// errors are divided by the series' scale before each origin so that busy and quiet days count alike,
/// and weighted by recency (half-life <see cref="HalfLife"/>) so that the choice follows a changing series.
/// </summary>
internal sealed class RollingEvaluation
{
    /// <summary>An internal origin this much older counts half as much in the scores.</summary>
    public static readonly TimeSpan HalfLife = TimeSpan.FromDays(1);

    private readonly SeriesContext _context;
    private readonly double[] _recency;
    private readonly double[] _totalWeight;

    private RollingEvaluation(
        SeriesContext context, IReadOnlyList<int> origins, IReadOnlyList<double[][]> forecasts, IReadOnlyList<double[]> scores, double[] recency, double[] totalWeight)
    {
        _context = context;
        Origins = origins;
        Forecasts = forecasts;
        Scores = scores;
        _recency = recency;
        _totalWeight = totalWeight;
    }

    /// <summary>The internal origins used.</summary>
    public IReadOnlyList<int> Origins { get; }

    /// <summary>Forecasts[model][origin index][lead]; NaN where the target lies beyond the history.</summary>
    public IReadOnlyList<double[][]> Forecasts { get; }

    /// <summary>Scaled mean absolute error per model and lead.</summary>
    public IReadOnlyList<double[]> Scores { get; }

    public static RollingEvaluation Run(SeriesContext context, IReadOnlyList<IFittedModel> models, int leads, int maxOrigins)
    {
        // The latest origins are scored on the leads that have already happened, so a change of regime in
        // the last hours already counts at the short leads.
        var first = Math.Max(context.EvaluationStart, models.Max(m => m.MinOrigin));
        var last = context.Count - 1;
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
        var halfLife = Math.Max(1.0, HalfLife / context.Step);
        var recency = origins.Select(o => Math.Pow(0.5, (context.Count - o) / halfLife)).ToArray();
        var totalWeight = new double[leads];
        for (var i = 0; i < origins.Count; i++)
        {
            for (var h = 0; h < Math.Min(leads, context.Count - origins[i]); h++)
            {
                totalWeight[h] += recency[i];
            }
        }

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
                for (var h = Math.Min(leads, context.Count - o); h < leads; h++)
                {
                    table[i][h] = double.NaN;
                }

                for (var h = 0; h < Math.Min(leads, context.Count - o); h++)
                {
                    error[h] += recency[i] * Math.Abs(y[o + h] - table[i][h]) / scale;
                }
            }

            forecasts.Add(table);
            scores.Add(error.Select((e, h) => totalWeight[h] > 0 ? e / totalWeight[h] : double.PositiveInfinity).ToArray());
        }

        return new RollingEvaluation(context, origins, forecasts, scores, recency, totalWeight);
    }

    /// <summary>
    /// The score (recency-weighted scaled mean absolute error, as in <see cref="Scores"/>) at lead
    /// <paramref name="lead"/> of the combination of the evaluated models with weights <paramref name="weightsAtLead"/>;
    /// infinity when no origin reached that lead, NaN when a weighted model failed.
    /// </summary>
    public double ScoreOf(double[] weightsAtLead, int lead)
    {
        if (_totalWeight[lead] <= 0)
        {
            return double.PositiveInfinity;
        }

        var error = 0.0;
        for (var i = 0; i < Origins.Count; i++)
        {
            var o = Origins[i];
            if (o + lead >= _context.Count)
            {
                continue;
            }

            var f = 0.0;
            for (var j = 0; j < Forecasts.Count; j++)
            {
                f += weightsAtLead[j] == 0 ? 0 : weightsAtLead[j] * Forecasts[j][i][lead];
            }

            error += _recency[i] * Math.Abs(_context.Values[o + lead] - f) / _context.ScaleBefore(o);
        }

        return error / _totalWeight[lead];
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

                row[h] = o + h < context.Count ? (context.Values[o + h] - f) / scale : double.NaN;
            }

            residuals.Add(row);
        }

        return residuals;
    }
}
