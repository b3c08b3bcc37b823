namespace Autoscaler.Core.Forecasting.Accuracy;

/// <summary>
/// The trust gate of issue #11: scores a policy's forecaster on its own recent history by rolling origins and
/// compares it, on the same origins, with the two naive baselines of the catalog (<c>persistence</c> and
/// <c>seasonal-naive:1d</c>), which run through the same <see cref="IForecaster"/> path. Pure: history in, verdict out;
/// every origin's training data ends strictly before the actuals it is scored on.
/// </summary>
public static class TrustGate
{
    /// <summary>Fewest scored origins for a verdict of trusted.</summary>
    public const int MinOrigins = 3;

    /// <summary>Most origins scored (evenly spread over the window): bounds the cost to 3 × this many fits per evaluation.</summary>
    public const int MaxOrigins = 12;

    private static readonly IForecaster Persistence = Create("persistence");
    private static readonly IForecaster SeasonalNaive = Create("seasonal-naive:1d");

    /// <summary>
    /// THE gate of issue #11, for every host: in <see cref="Planning.PlanningMode.Auto"/> forecast-driven floors act only
    /// while the gate is off or the last verdict (<see cref="AccuracyVerdict.Trusted"/>, scored at the policy's last
    /// refit, before this step) is trusted; otherwise they fall back to <see cref="Planning.PlanningMode.Recommend"/>.
    /// Observe and recommend are never changed. Scheduled events are not gated (they need no forecast).
    /// </summary>
    /// <param name="requested">The policy's mode.</param>
    /// <param name="enabled">False when the policy turns the gate off (<c>trustGate.enabled: false</c>).</param>
    /// <param name="trusted">The last verdict's <see cref="AccuracyVerdict.Trusted"/>; false when nothing was scored yet.</param>
    public static TrustGateDecision Decide(Planning.PlanningMode requested, bool enabled, bool trusted) =>
        requested == Planning.PlanningMode.Auto && enabled && !trusted
            ? new TrustGateDecision(Planning.PlanningMode.Recommend, Withheld: true)
            : new TrustGateDecision(requested, Withheld: false);

    /// <summary>Scores <paramref name="model"/> against persistence and daily seasonal-naive.</summary>
    /// <param name="model">The policy's forecaster.</param>
    /// <param name="history">History strictly before now (NaN = missing).</param>
    /// <param name="window">Origins lie in the last <paramref name="window"/> of the history, each with one day of data before it.</param>
    /// <param name="horizon">How far ahead each origin is scored (at least one grid step).</param>
    /// <returns>The verdict; zero origins when the history is too short.</returns>
    public static AccuracyVerdict Evaluate(IForecaster model, ForecastHistory history, TimeSpan window, TimeSpan horizon)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(history);
        var step = history.Step;
        var leads = Math.Max(1, (int)Math.Ceiling(horizon / step));
        var day = Math.Max(1, (int)Math.Round(TimeSpan.FromDays(1) / step));
        var first = Math.Max(day + 1, history.Count - (int)(window / step));
        var last = history.Count - leads;
        var errors = new List<double>[] { [], [], [] };
        var origins = 0;
        foreach (var origin in Origins(first, last))
        {
            var train = new ForecastHistory(history.Start, step, history.Values[..origin]);
            var actual = history.Values.Slice(origin, leads).ToArray();
            var scored = new[] { model, Persistence, SeasonalNaive }.Select(f => Errors(f, train, actual)).ToArray();
            if (scored.Any(s => s is null) || scored[0]!.Count == 0)
            {
                continue;
            }

            origins++;
            for (var i = 0; i < 3; i++)
            {
                errors[i].AddRange(scored[i]!);
            }
        }

        double? Mean(List<double> e) => e.Count == 0 ? null : e.Average();
        return new AccuracyVerdict(window, origins, Mean(errors[0]), Mean(errors[1]), Mean(errors[2]));
    }

    private static IEnumerable<int> Origins(int first, int last)
    {
        if (last < first)
        {
            return [];
        }

        var count = Math.Min(MaxOrigins, last - first + 1);
        return Enumerable.Range(0, count).Select(i => last - (int)((long)(last - first) * i / Math.Max(1, count - 1))).Distinct().Order();
    }

    // Absolute percentage errors of p50 where the actual is known and not zero; null when the model failed here.
    private static List<double>? Errors(IForecaster forecaster, ForecastHistory train, double[] actual)
    {
        ForecastResult result;
        try
        {
            result = forecaster.Forecast(new ForecastRequest(train, actual.Length));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException)
        {
            return null;
        }

        var errors = new List<double>(actual.Length);
        for (var k = 0; k < actual.Length && k < result.P50.Count; k++)
        {
            if (!double.IsFinite(actual[k]) || actual[k] == 0)
            {
                continue;
            }

            if (!double.IsFinite(result.P50[k]))
            {
                return null;
            }

            errors.Add(Math.Abs(result.P50[k] - actual[k]) / Math.Abs(actual[k]));
        }

        return errors;
    }

    private static IForecaster Create(string name) =>
        ForecasterCatalog.TryCreate(name, out var forecaster, out var error) ? forecaster! : throw new InvalidOperationException(error);
}
