namespace Autoscaler.Simulator.Backtest;

/// <summary>Running accuracy of one model over the targets it forecast.</summary>
internal sealed class ModelScore(string model)
{
    private double _absError;
    private double _smape;
    private int _smapeCount;
    private int _covered;
    private double _pinball;
    private double _fitSeconds;
    private double _cpuSeconds;

    public string Model => model;

    public int Targets { get; private set; }

    public int Origins { get; private set; }

    /// <summary>Origins at which the model itself failed and made no forecast (it sat them out).</summary>
    public int SatOut { get; private set; }

    /// <summary>Per candidate of the model's blend: origins at which that candidate failed and the blend used the others.</summary>
    public SortedDictionary<string, int> CandidatesSatOut { get; } = new(StringComparer.Ordinal);

    public double Mae => Targets == 0 ? double.NaN : _absError / Targets;

    public double Smape => _smapeCount == 0 ? double.NaN : 100 * _smape / _smapeCount;

    /// <summary>Share of targets at or below p90.</summary>
    public double Coverage90 => Targets == 0 ? double.NaN : (double)_covered / Targets;

    /// <summary>Share of targets above p90: the under-forecasts a planner provisioning to p90 suffers.</summary>
    public double Above90 => Targets == 0 ? double.NaN : 1 - Coverage90;

    /// <summary>Mean pinball loss over p10, p50 and p90, in the trace's units.</summary>
    public double Pinball => Targets == 0 ? double.NaN : _pinball / (3 * Targets);

    public double FitMillisecondsPerOrigin => Origins == 0 ? double.NaN : 1000 * _fitSeconds / Origins;

    /// <summary>
    /// Processor time per origin: on a shared machine wall time measures the neighbours as much as the model.
    /// The verb is single-threaded, so the process's processor time is the model's (plus a little GC).
    /// </summary>
    public double CpuMillisecondsPerOrigin => Origins == 0 ? double.NaN : 1000 * _cpuSeconds / Origins;

    public void AddOrigin(TimeSpan fitTime, TimeSpan cpuTime)
    {
        Origins++;
        _fitSeconds += fitTime.TotalSeconds;
        _cpuSeconds += cpuTime.TotalSeconds;
    }

    public void AddSatOut() => SatOut++;

    public void AddCandidatesSatOut(IEnumerable<string> candidates)
    {
        foreach (var name in candidates)
        {
            CandidatesSatOut[name] = CandidatesSatOut.GetValueOrDefault(name) + 1;
        }
    }

    public void Add(double actual, double p10, double p50, double p90)
    {
        Targets++;
        var error = actual - p50;
        _absError += Math.Abs(error);
        var denominator = Math.Abs(actual) + Math.Abs(p50);
        if (denominator > 0)
        {
            _smape += 2 * Math.Abs(error) / denominator;
            _smapeCount++;
        }

        _covered += actual <= p90 ? 1 : 0;
        _pinball += Loss(actual, p10, 0.1) + Loss(actual, p50, 0.5) + Loss(actual, p90, 0.9);
    }

    private static double Loss(double actual, double quantile, double level) =>
        actual >= quantile ? level * (actual - quantile) : (1 - level) * (quantile - actual);
}
