using System.Diagnostics;
using System.Globalization;
using Autoscaler.Core.Forecasting;
using Autoscaler.Core.Forecasting.Events;

namespace Autoscaler.Simulator.Backtest;

/// <summary>
/// Rolling-origin backtest: at every origin each model sees only the grid points strictly before the
/// origin (at most --history of them) and forecasts every grid point in (origin, origin + horizon].
/// Fit time per origin is measured on <paramref name="time"/> (the real clock from the CLI; a fake one in tests):
/// it is the only clock the backtest reads, and it never changes a forecast or a score, only the fit-time column.
/// </summary>
internal sealed class BacktestRunner(RegularGrid grid, IReadOnlyList<ScheduledEvent> events, BacktestOptions options, TimeProvider time)
{
    /// <summary>First and last origin: --from (default: once the history is available, aligned to the step) and --to (default: the last origin whose horizon the trace covers).</summary>
    public (DateTimeOffset From, DateTimeOffset To) Window()
    {
        var first = grid.Start;
        var last = grid.TimeAt(grid.Count - 1);
        var from = options.From ?? AlignUp(last - first >= 2 * options.History ? first + options.History : first + ((last - first) / 2), options.Step);
        return (from, options.To ?? last - options.Horizon);
    }

    /// <summary>How many origins <see cref="Origins"/> holds, counted without listing them (a typo can make billions).</summary>
    public long OriginCount()
    {
        var (from, to) = Window();
        return to < from ? 0 : ((to - from).Ticks / options.Step.Ticks) + 1;
    }

    /// <summary>The origins: every step from --from (aligned to the step when defaulted) to --to.</summary>
    public IReadOnlyList<DateTimeOffset> Origins()
    {
        var (from, to) = Window();
        var origins = new List<DateTimeOffset>();
        for (var o = from; o <= to; o += options.Step)
        {
            origins.Add(o);
        }

        return origins;
    }

    /// <summary>
    /// Mean absolute one-step change over the history before the first origin: the in-sample error of the
    /// naive forecast that scales MASE.
    /// </summary>
    public double MaseScale(DateTimeOffset firstOrigin)
    {
        var end = Math.Min(grid.Count, grid.CeilingIndex(firstOrigin));
        double sum = 0;
        var count = 0;
        for (var i = 1; i < end; i++)
        {
            if (!double.IsNaN(grid.Values[i]) && !double.IsNaN(grid.Values[i - 1]))
            {
                sum += Math.Abs(grid.Values[i] - grid.Values[i - 1]);
                count++;
            }
        }

        return count == 0 || sum == 0 ? double.NaN : sum / count;
    }

    /// <summary>Forecasts at every origin; <paramref name="progress"/> hears the number of origins done after each one (and 0 first).</summary>
    public void Run(IReadOnlyList<DateTimeOffset> origins, IReadOnlyList<BacktestModel> models, TextWriter csv, ModelScore[] all, ModelScore[] inEvents, TextWriter? explain, Action<int>? progress = null)
    {
        csv.WriteLine("model,origin,target,p50,p90,p10");
        using var process = Process.GetCurrentProcess();
        progress?.Invoke(0);
        for (var done = 0; done < origins.Count; done++, progress?.Invoke(done))
        {
            var origin = origins[done];
            var historyStart = Math.Max(0, grid.CeilingIndex(origin - options.History));
            var historyEnd = Math.Min(grid.Count, grid.CeilingIndex(origin));
            var firstTarget = grid.FloorIndex(origin) + 1;
            var lastTarget = Math.Min(grid.Count - 1, grid.FloorIndex(origin + options.Horizon));
            if (historyEnd - historyStart < 2 || lastTarget < firstTarget)
            {
                continue;
            }

            var history = new ForecastHistory(grid.TimeAt(historyStart), grid.Step, grid.Values.AsSpan(historyStart, historyEnd - historyStart));
            var leads = lastTarget - historyEnd + 1;
            for (var m = 0; m < models.Count; m++)
            {
                var model = models[m];
                var request = new ForecastRequest(history, leads, model.UsesEvents ? events : Array.Empty<ScheduledEvent>());
                var cpu = process.TotalProcessorTime;
                var started = time.GetTimestamp();
                ForecastResult forecast;
                try
                {
                    forecast = model.Forecaster.Forecast(request);
                }
                catch (Exception e) when (e is ArithmeticException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
                {
                    // One model failing at one origin never ends the run: it sits out this origin.
                    all[m].AddSatOut();
                    inEvents[m].AddSatOut();
                    explain?.WriteLine($"{model.Label} {origin.UtcDateTime:yyyy-MM-ddTHH:mmZ}: sat out ({e.GetType().Name}: {e.Message})");
                    continue;
                }

                all[m].AddOrigin(time.GetElapsedTime(started), process.TotalProcessorTime - cpu);
                all[m].AddCandidatesSatOut(forecast.SatOut);
                explain?.WriteLine($"{model.Label} {origin.UtcDateTime:yyyy-MM-ddTHH:mmZ}: {forecast.Detail}");
                for (var index = firstTarget; index <= lastTarget; index++)
                {
                    var k = index - historyEnd;
                    var target = grid.TimeAt(index);
                    csv.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{model.Label},{origin.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ},{target.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ},{forecast.P50[k]:R},{forecast.P90[k]:R},{forecast.P10[k]:R}"));
                    var actual = grid.Values[index];
                    if (double.IsNaN(actual))
                    {
                        continue;
                    }

                    all[m].Add(actual, forecast.P10[k], forecast.P50[k], forecast.P90[k]);
                    if (InsideEvent(target))
                    {
                        inEvents[m].Add(actual, forecast.P10[k], forecast.P50[k], forecast.P90[k]);
                    }
                }
            }
        }
    }

    private bool InsideEvent(DateTimeOffset time) => events.Any(e => time >= e.Start && time < e.End);

    private static DateTimeOffset AlignUp(DateTimeOffset time, TimeSpan step)
    {
        var ticks = time.UtcTicks;
        var remainder = ticks % step.Ticks;
        return new DateTimeOffset(remainder == 0 ? ticks : ticks + step.Ticks - remainder, TimeSpan.Zero);
    }
}
