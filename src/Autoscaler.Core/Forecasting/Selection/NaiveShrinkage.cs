namespace Autoscaler.Core.Forecasting.Selection;

/// <summary>
/// Keeps a blend from doing worse than the naive forecasts it could have chosen: per lead, the blend's own
/// score on the series' recent backtest is compared with the best naive baseline's (persistence or daily
/// seasonal-naive); when the blend's skill over it, 1 − blend / naive, is below <see cref="SkillMargin"/>,
/// the weights shrink linearly toward that baseline, all the way when the skill is zero or negative. Because
/// absolute error is convex, the shrunk blend then scores no worse than the baseline on that backtest.
/// </summary>
internal static class NaiveShrinkage
{
    /// <summary>The skill (relative error reduction over the best naive) a blend must show to be trusted fully.</summary>
    public const double SkillMargin = 0.05;

    /// <summary>Shrunk weights[lead][model]; <paramref name="shrunkLeads"/> counts the leads that moved.</summary>
    public static double[][] Apply(RollingEvaluation evaluation, IReadOnlyList<string> modelNames, IReadOnlySet<string> baselines, double[][] weights, out int shrunkLeads)
    {
        shrunkLeads = 0;
        var naive = Enumerable.Range(0, modelNames.Count).Where(j => baselines.Contains(modelNames[j])).ToList();
        if (naive.Count == 0)
        {
            return weights;
        }

        var result = weights.Select(w => (double[])w.Clone()).ToArray();
        for (var h = 0; h < result.Length; h++)
        {
            var lead = h;
            var finite = naive.Where(j => double.IsFinite(evaluation.Scores[j][lead])).ToList();
            if (finite.Count == 0)
            {
                continue;
            }

            var best = finite.MinBy(j => evaluation.Scores[j][lead]);
            var naiveScore = evaluation.Scores[best][h];
            var blendScore = evaluation.ScoreOf(result[h], h);
            if (!double.IsFinite(blendScore))
            {
                continue;
            }

            var skill = naiveScore > 0 ? 1 - (blendScore / naiveScore) : blendScore <= 0 ? 1 : -1;
            var trust = Math.Clamp(skill / SkillMargin, 0, 1);
            if (trust >= 1)
            {
                continue;
            }

            shrunkLeads++;
            for (var j = 0; j < result[h].Length; j++)
            {
                result[h][j] *= trust;
            }

            result[h][best] += 1 - trust;
        }

        return result;
    }
}
