namespace Autoscaler.Core.Forecasting.Selection;

/// <summary>
/// Chooses the blend from backtest scores: the best few models, weighted by inverse squared error
/// (Bates–Granger), dropping any that is more than <see cref="MaxRelativeScore"/> times worse than the best.
/// Combining close competitors is steadier than switching between them from one origin to the next.
/// </summary>
internal static class BlendSelector
{
    public const int MaxMembers = 3;
    public const double MaxRelativeScore = 1.5;

    public static (int[] Members, double[] Weights) Choose(IReadOnlyList<double> scores)
    {
        var ranked = Enumerable.Range(0, scores.Count)
            .Where(i => double.IsFinite(scores[i]))
            .OrderBy(i => scores[i])
            .ThenBy(i => i)
            .ToList();
        if (ranked.Count == 0)
        {
            return ([0], [1.0]);
        }

        var best = Math.Max(scores[ranked[0]], 1e-12);
        var members = ranked.Take(MaxMembers).Where(i => scores[i] <= MaxRelativeScore * best).ToArray();
        var raw = members.Select(i => 1 / Math.Pow(Math.Max(scores[i], 1e-12), 2)).ToArray();
        var total = raw.Sum();
        return (members, raw.Select(w => w / total).ToArray());
    }
}
