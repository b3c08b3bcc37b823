namespace Autoscaler.Core.Forecasting.Models;

/// <summary>
/// Level-corrected seasonal profile: the shape is a trimmed mean of the same phase over the last few
/// cycles (robust to one-off days such as outages or events); the level comes from the last quarter
/// hour, so level shifts and trend are followed at once. Additive or multiplicative correction.
/// </summary>
internal sealed class SeasonalProfileModel(TimeSpan cycle, int maxCycles, bool multiplicative, string name) : IPointModel
{
    public string Name => name;

    public IFittedModel? Fit(SeriesContext context)
    {
        var m = context.StepsIn(cycle);
        var w = context.LevelWindow;
        if (m < 2)
        {
            return null;
        }

        // As many cycles as the earliest internal backtest origin allows, so every origin uses the same K.
        var cycles = Math.Min(maxCycles, (context.EvaluationStart - w) / m);
        return cycles < 1 ? null : new Fitted(context.Values, m, cycles, w, multiplicative, name);
    }

    private sealed class Fitted(double[] y, int m, int cycles, int w, bool multiplicative, string name) : IFittedModel
    {
        public string Name => name;

        public int MinOrigin => (cycles * m) + w;

        public void Forecast(int origin, Span<double> output)
        {
            var levelY = 0.0;
            var levelS = 0.0;
            for (var i = origin - w; i < origin; i++)
            {
                levelY += y[i];
                levelS += Profile(i, 1);
            }

            var ratio = levelS > 1e-9 && levelY >= 0 ? Math.Clamp(levelY / levelS, 0.2, 5.0) : double.NaN;
            var shift = (levelY - levelS) / w;
            for (var k = 0; k < output.Length; k++)
            {
                var s = Profile(origin + k, (k / m) + 1);
                output[k] = multiplicative && !double.IsNaN(ratio) ? s * ratio : s + shift;
            }
        }

        /// <summary>Trimmed mean of the values at the same phase <paramref name="firstCycle"/>.. cycles back.</summary>
        private double Profile(int t, int firstCycle)
        {
            double sum = 0, min = double.MaxValue, max = double.MinValue;
            for (var c = firstCycle; c < firstCycle + cycles; c++)
            {
                var v = y[t - (c * m)];
                sum += v;
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }

            return cycles >= 5 ? (sum - min - max) / (cycles - 2) : sum / cycles;
        }
    }
}
