using Autoscaler.Core.TimeSeries;

namespace Autoscaler.Simulator.Cli;

/// <summary>
/// Progress on stderr for a person at a terminal: one line rewritten in place. Disabled (silent) when
/// stderr is redirected or the user asked for <c>--quiet</c>, so CI logs and pipes get no carriage-return noise.
/// Never written to stdout, where results go.
/// </summary>
internal sealed class TerminalProgress
{
    /// <summary>Least time between two rewrites of a counted progress line.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly TextWriter? _writer;
    private int _lastPercent = -1;

    private TerminalProgress(TextWriter? writer) => _writer = writer;

    public static TerminalProgress Silent { get; } = new(null);

    /// <summary>Shows progress only when <paramref name="stderr"/> is the process's own, unredirected stderr and not <paramref name="quiet"/>.</summary>
    public static TerminalProgress For(TextWriter stderr, bool quiet = false) =>
        !quiet && ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? new TerminalProgress(stderr) : Silent;

    /// <summary>Progress written to <paramref name="writer"/> whatever it is (tests; the CLI uses <see cref="For"/>).</summary>
    internal static TerminalProgress To(TextWriter writer) => new(writer);

    public Action<double>? Reporter(string label)
    {
        if (_writer is null) return null;
        _lastPercent = -1;
        return fraction =>
        {
            var percent = (int)(fraction * 100);
            if (percent == _lastPercent) return;
            _lastPercent = percent;
            _writer.Write($"\r  {label}: {percent,3}%");
            if (percent >= 100) _writer.Write("\r" + new string(' ', label.Length + 10) + "\r");
        };
    }

    /// <summary>
    /// A reporter of <paramref name="total"/> units of work (<c>done</c> so far): "label: 120/336 origins (35%),
    /// 1m5s elapsed, about 2m left", rewritten at most once per <see cref="Interval"/> on <paramref name="time"/>, and
    /// cleared when done. The time left is elapsed ÷ done × remaining: a person sees at once that a run will take hours.
    /// </summary>
    public Action<int>? Counter(string label, int total, string unit, TimeProvider time)
    {
        if (_writer is null || total <= 0) return null;
        var started = time.GetTimestamp();
        TimeSpan? shown = null;
        var width = 0;
        return done =>
        {
            var elapsed = time.GetElapsedTime(started);
            if (done < total && shown is { } last && elapsed - last < Interval) return;
            shown = elapsed;
            if (done >= total)
            {
                _writer.Write("\r" + new string(' ', width) + "\r");
                return;
            }

            var left = done == 0 ? "time left unknown" : $"about {Round(elapsed / done * (total - done))} left";
            var line = $"  {label}: {done}/{total} {unit} ({100L * done / total}%), {Round(elapsed)} elapsed, {left}";
            _writer.Write("\r" + line.PadRight(width));
            width = Math.Max(width, line.Length);
        };
    }

    private static string Round(TimeSpan t) => DurationParser.Format(TimeSpan.FromSeconds(Math.Round(t.TotalSeconds)));
}
