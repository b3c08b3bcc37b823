namespace Autoscaler.Core.Forecasting.Models;

/// <summary>
/// A cleaned history (no NaN) with its grid facts, shared by every model fitted at one origin.
/// </summary>
internal sealed class SeriesContext
{
    private readonly double[] _absPrefix;

    public SeriesContext(double[] values, TimeSpan step, int seasonPeriod, bool nonNegative, int evaluationStart)
    {
        EvaluationStart = evaluationStart;
        Values = values;
        Step = step;
        SeasonPeriod = seasonPeriod;
        NonNegative = nonNegative;
        DayPeriod = StepsIn(TimeSpan.FromDays(1));
        WeekPeriod = StepsIn(TimeSpan.FromDays(7));
        _absPrefix = new double[values.Length + 1];
        for (var i = 0; i < values.Length; i++)
        {
            _absPrefix[i + 1] = _absPrefix[i] + Math.Abs(values[i]);
        }
    }

    /// <summary>Cleaned values: gaps and outage zeros filled.</summary>
    public double[] Values { get; }

    public int Count => Values.Length;

    public TimeSpan Step { get; }

    /// <summary>Detected dominant season in steps (0 when none was found).</summary>
    public int SeasonPeriod { get; }

    /// <summary>True when the series never goes negative (load), so forecasts are floored at zero.</summary>
    public bool NonNegative { get; }

    public int DayPeriod { get; }

    /// <summary>First internal backtest origin: models size their look-back so they can forecast from it.</summary>
    public int EvaluationStart { get; }

    public int WeekPeriod { get; }

    /// <summary>
    /// Number of grid steps that make up a "quarter hour" of smoothing: enough samples to average away
    /// per-sample noise, short enough to follow the level.
    /// </summary>
    public int LevelWindow => Math.Max(1, StepsIn(TimeSpan.FromMinutes(15)));

    public int StepsIn(TimeSpan span) => (int)Math.Max(0, Math.Round(span / Step));

    /// <summary>
    /// Typical magnitude of the series just before <paramref name="origin"/> (mean absolute value over the
    /// preceding day): residuals are divided by it so that errors learned at one level apply at another.
    /// </summary>
    public double ScaleBefore(int origin)
    {
        var from = Math.Max(0, origin - Math.Max(DayPeriod, 1));
        var n = origin - from;
        if (n <= 0)
        {
            return 1;
        }

        var mean = (_absPrefix[origin] - _absPrefix[from]) / n;
        return mean > 1e-12 ? mean : 1;
    }

    /// <summary>Mean of <c>Values[from..to)</c>.</summary>
    public double Mean(int from, int to)
    {
        var sum = 0.0;
        for (var i = from; i < to; i++)
        {
            sum += Values[i];
        }

        return sum / Math.Max(1, to - from);
    }
}
