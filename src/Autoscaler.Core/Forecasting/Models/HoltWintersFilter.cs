namespace Autoscaler.Core.Forecasting.Models;

/// <summary>
/// One pass of the Holt–Winters recursions over a window. Initial level is the first season's mean,
/// the initial season its deviations (or ratios) from that mean, the initial trend zero.
/// </summary>
internal sealed class HoltWintersFilter
{
    private double[]? _level;
    private double[]? _trend;
    private double[]? _season;

    private HoltWintersFilter(int period, bool multiplicative, HoltWintersParameters parameters)
    {
        Period = period;
        Multiplicative = multiplicative;
        Parameters = parameters;
    }

    public int Period { get; }

    public bool Multiplicative { get; }

    public HoltWintersParameters Parameters { get; }

    public double SumSquaredError { get; private set; }

    public static HoltWintersFilter Run(double[] y, int m, bool multiplicative, HoltWintersParameters p, bool storeStates)
    {
        var f = new HoltWintersFilter(m, multiplicative, p);
        var n = y.Length;
        // Parameter search only needs the last season: a ring of m slots instead of n keeps it off the large-object heap.
        var ring = storeStates ? n : m;
        var season = new double[ring];
        var levels = storeStates ? new double[n] : null;
        var trends = storeStates ? new double[n] : null;
        var level = 0.0;
        for (var i = 0; i < m; i++)
        {
            level += y[i] / m;
        }

        for (var i = 0; i < m; i++)
        {
            season[i] = m == 1 ? (multiplicative ? 1 : 0) : multiplicative ? y[i] / level : y[i] - level;
            if (levels is not null)
            {
                levels[i] = level;
            }
        }

        var trend = 0.0;
        var sse = 0.0;
        for (var t = m; t < n; t++)
        {
            var s = m == 1 ? (multiplicative ? 1 : 0) : season[(t - m) % ring];
            var baseLevel = level + (p.Phi * trend);
            var predicted = multiplicative ? baseLevel * s : baseLevel + s;
            var error = y[t] - predicted;
            sse += error * error;
            var newLevel = (p.Alpha * (multiplicative ? y[t] / s : y[t] - s)) + ((1 - p.Alpha) * baseLevel);
            trend = (p.Beta * (newLevel - level)) + ((1 - p.Beta) * p.Phi * trend);
            level = newLevel;
            season[t % ring] = m == 1 ? s : (p.Gamma * (multiplicative ? y[t] / level : y[t] - level)) + ((1 - p.Gamma) * s);
            if (levels is not null)
            {
                levels[t] = level;
                trends![t] = trend;
            }
        }

        f.SumSquaredError = double.IsFinite(sse) ? sse : double.MaxValue;
        f._level = levels;
        f._trend = trends;
        f._season = season;
        return f;
    }

    /// <summary>Forecasts the values after window index <paramref name="last"/> from the state filtered there.</summary>
    public void Forecast(int last, Span<double> output)
    {
        var level = _level![last];
        var trend = _trend![last];
        var damp = 0.0;
        var phiPower = 1.0;
        for (var h = 1; h <= output.Length; h++)
        {
            phiPower *= Parameters.Phi;
            damp += phiPower;
            var baseLevel = level + (damp * trend);
            var s = Period == 1 ? (Multiplicative ? 1 : 0) : _season![last + h - (Period * (((h - 1) / Period) + 1))];
            output[h - 1] = Multiplicative ? baseLevel * s : baseLevel + s;
        }
    }
}
