namespace Autoscaler.Core.Forecasting.Selection;

/// <summary>
/// Chooses a blend per lead from backtest scores: the best few models at that lead, weighted by inverse
/// squared error (Bates–Granger), dropping any more than <see cref="MaxRelativeScore"/> times worse than
/// the best. Per lead, because the last value wins at the first steps and the seasonal shape further out;
/// blended, because combining close competitors is steadier than switching between them.
/// </summary>
internal static class BlendSelector
{
    public const int MaxMembers = 3;
    public const double MaxRelativeScore = 1.5;

    /// <summary>
    /// Weights[lead][model] from Scores[model][lead]: infinity where a model has no score at a lead, NaN for a
    /// model that failed (never weighted). A lead may get no weight at all only when every model failed.
    /// </summary>
    public static double[][] Choose(IReadOnlyList<double[]> scores, int leads)
    {
        var weights = new double[leads][];
        for (var h = 0; h < leads; h++)
        {
            weights[h] = new double[scores.Count];
            var lead = h;
            var ranked = Enumerable.Range(0, scores.Count)
                .Where(i => double.IsFinite(scores[i][lead]))
                .OrderBy(i => scores[i][lead])
                .ThenBy(i => i)
                .ToList();
            if (ranked.Count == 0)
            {
                // No lead-h score (no internal origin reached that far): reuse the previous lead's blend, or
                // the first model that did not fail (NaN) when there is none; all zero when every model failed.
                var usable = Enumerable.Range(0, scores.Count).FirstOrDefault(i => !scores[i].Any(double.IsNaN), -1);
                if (h > 0)
                {
                    weights[h] = (double[])weights[h - 1].Clone();
                }
                else if (usable >= 0)
                {
                    weights[h][usable] = 1;
                }

                continue;
            }

            var best = Math.Max(scores[ranked[0]][h], 1e-12);
            var members = ranked.Take(MaxMembers).Where(i => scores[i][lead] <= MaxRelativeScore * best).ToList();
            var total = members.Sum(i => 1 / Math.Pow(Math.Max(scores[i][lead], 1e-12), 2));
            foreach (var i in members)
            {
                weights[h][i] = 1 / Math.Pow(Math.Max(scores[i][lead], 1e-12), 2) / total;
            }
        }

        return weights;
    }
}
