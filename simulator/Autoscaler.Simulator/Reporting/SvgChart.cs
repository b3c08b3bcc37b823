using System.Globalization;
using System.Text;

namespace Autoscaler.Simulator.Reporting;

/// <summary>
/// Draws a time chart as inline SVG (no script, nothing fetched): series on a left axis, optional series on a
/// right axis, shaded bands (overloaded periods), time ticks and a legend. Dense data is reduced to one
/// point per pixel column, keeping peaks or troughs as each series asks.
/// </summary>
internal static class SvgChart
{
    private const int Width = 1100, Left = 64, Right = 56, Top = 34, Bottom = 40;
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Renders the chart; <paramref name="events"/> (scheduled event windows) are shaded blue beneath the red overload bands.</summary>
    public static string Render(IReadOnlyList<ChartSeries> series, IReadOnlyList<(DateTime Start, DateTime End)> bands, string leftLabel, string rightLabel, int height = 360,
        IReadOnlyList<(DateTime Start, DateTime End)>? events = null)
    {
        var Height = height;
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        var x0 = series.Min(s => s.Ticks.Length > 0 ? s.Ticks[0] : long.MaxValue);
        var x1 = series.Max(s => s.Ticks.Length > 0 ? s.Ticks[^1] : long.MinValue);
        if (x1 <= x0) x1 = x0 + TimeSpan.TicksPerMinute;
        var leftMax = NiceCeiling(series.Where(s => !s.RightAxis).Select(s => s.Values.DefaultIfEmpty(0).Max()).DefaultIfEmpty(1).Max());
        var rightMax = NiceCeiling(series.Where(s => s.RightAxis).Select(s => s.Values.DefaultIfEmpty(0).Max()).DefaultIfEmpty(1).Max());
        double X(long t) => Left + ((double)(t - x0) / (x1 - x0) * plotW);
        double Y(double v, bool right) => Top + plotH - (v / (right ? rightMax : leftMax) * plotH);

        var svg = new StringBuilder();
        svg.Append(C, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" class=\"chart\">");
        foreach (var (list, fill) in new[] { (events ?? [], "#dde8f6"), (bands, "#fdd") })
        {
            foreach (var (start, end) in list)
            {
                if (end.Ticks <= x0 || start.Ticks >= x1) continue;
                var a = X(Math.Max(start.Ticks, x0));
                var b = Math.Max(X(Math.Min(end.Ticks, x1)), a + 1);
                svg.Append(C, $"<rect x=\"{a:0.#}\" y=\"{Top}\" width=\"{b - a:0.#}\" height=\"{plotH}\" fill=\"{fill}\"/>");
            }
        }

        AppendGrid(svg, leftMax, rightMax, series.Any(s => s.RightAxis), x0, x1, X, plotW, plotH, leftLabel, rightLabel);
        foreach (var s in series) AppendSeries(svg, s, plotW, X, v => Y(v, s.RightAxis), Top + plotH);
        AppendLegend(svg, series, bands.Count > 0, events is { Count: > 0 });
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void AppendSeries(StringBuilder svg, ChartSeries s, int columns, Func<long, double> x, Func<double, double> y, double baseline)
    {
        var (ticks, values) = Reduce(s, columns);
        if (ticks.Count == 0) return;
        var path = new StringBuilder();
        for (var i = 0; i < ticks.Count; i++)
        {
            var px = x(ticks[i]);
            var py = y(values[i]);
            if (i == 0) path.Append(C, $"M{px:0.#},{py:0.#}");
            else if (s.Style == ChartStyle.Step) path.Append(C, $"H{px:0.#}V{py:0.#}");
            else path.Append(C, $"L{px:0.#},{py:0.#}");
        }

        if (s.Style == ChartStyle.Area)
        {
            svg.Append(C, $"<path d=\"{path}L{x(ticks[^1]):0.#},{baseline:0.#}L{x(ticks[0]):0.#},{baseline:0.#}Z\" fill=\"{s.Color}\" fill-opacity=\"0.55\" stroke=\"{s.Color}\" stroke-width=\"0.8\"/>");
        }
        else
        {
            svg.Append(C, $"<path d=\"{path}\" fill=\"none\" stroke=\"{s.Color}\" stroke-width=\"1.6\" stroke-linejoin=\"round\"/>");
        }
    }

    private static (List<long> Ticks, List<double> Values) Reduce(ChartSeries s, int columns)
    {
        var ticks = new List<long>();
        var values = new List<double>();
        if (s.Ticks.Length <= columns * 2)
        {
            ticks.AddRange(s.Ticks);
            values.AddRange(s.Values);
            return (ticks, values);
        }

        var per = (double)s.Ticks.Length / columns;
        for (var c = 0; c < columns; c++)
        {
            var from = (int)(c * per);
            var to = Math.Min(s.Ticks.Length, (int)((c + 1) * per));
            if (to <= from) continue;
            var pick = s.Values[from];
            for (var i = from + 1; i < to; i++) pick = s.KeepMax ? Math.Max(pick, s.Values[i]) : Math.Min(pick, s.Values[i]);
            ticks.Add(s.Ticks[from]);
            values.Add(pick);
        }

        return (ticks, values);
    }

    private static void AppendGrid(StringBuilder svg, double leftMax, double rightMax, bool hasRight, long x0, long x1, Func<long, double> x, int plotW, int plotH, string leftLabel, string rightLabel)
    {
        svg.Append("<g font-family=\"system-ui,sans-serif\" font-size=\"11\" fill=\"#555\">");
        for (var i = 0; i <= 4; i++)
        {
            var y = Top + plotH - (i * plotH / 4.0);
            svg.Append(C, $"<line x1=\"{Left}\" x2=\"{Left + plotW}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#e5e5e5\"/>");
            svg.Append(C, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{Compact(leftMax * i / 4)}</text>");
            if (hasRight) svg.Append(C, $"<text x=\"{Left + plotW + 6}\" y=\"{y + 4:0.#}\">{Compact(rightMax * i / 4)}</text>");
        }

        var step = TimeStep(x1 - x0);
        var first = ((x0 / step) + 1) * step;
        var withTime = step < TimeSpan.TicksPerDay;
        for (var t = first; t < x1; t += step)
        {
            var px = x(t);
            var label = new DateTime(t, DateTimeKind.Utc).ToString(withTime ? "MM-dd HH:mm" : "MMM dd", C);
            svg.Append(C, $"<line x1=\"{px:0.#}\" x2=\"{px:0.#}\" y1=\"{Top}\" y2=\"{Top + plotH}\" stroke=\"#f0f0f0\"/>");
            svg.Append(C, $"<text x=\"{px:0.#}\" y=\"{Top + plotH + 16}\" text-anchor=\"middle\">{label}</text>");
        }

        svg.Append(C, $"<text x=\"{Left}\" y=\"{Top - 8}\" font-weight=\"600\">{Html.Encode(leftLabel)}</text>");
        if (hasRight) svg.Append(C, $"<text x=\"{Left + plotW}\" y=\"{Top - 8}\" text-anchor=\"end\" font-weight=\"600\">{Html.Encode(rightLabel)}</text>");
        svg.Append(C, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotW}\" height=\"{plotH}\" fill=\"none\" stroke=\"#bbb\"/>");
        svg.Append("</g>");
    }

    private static void AppendLegend(StringBuilder svg, IReadOnlyList<ChartSeries> series, bool hasBands, bool hasEvents)
    {
        var x = Left + 170.0;
        svg.Append("<g font-family=\"system-ui,sans-serif\" font-size=\"12\" fill=\"#333\">");
        foreach (var s in series)
        {
            svg.Append(C, $"<rect x=\"{x:0}\" y=\"{Top - 18}\" width=\"14\" height=\"8\" fill=\"{s.Color}\"/><text x=\"{x + 18:0}\" y=\"{Top - 10}\">{Html.Encode(s.Name)}</text>");
            x += 34 + (s.Name.Length * 7.2);
        }

        if (hasBands)
        {
            svg.Append(C, $"<rect x=\"{x:0}\" y=\"{Top - 18}\" width=\"14\" height=\"8\" fill=\"#fbb\"/><text x=\"{x + 18:0}\" y=\"{Top - 10}\">overloaded</text>");
            x += 34 + (10 * 7.2);
        }

        if (hasEvents) svg.Append(C, $"<rect x=\"{x:0}\" y=\"{Top - 18}\" width=\"14\" height=\"8\" fill=\"#b9cde8\"/><text x=\"{x + 18:0}\" y=\"{Top - 10}\">scheduled event</text>");
        svg.Append("</g>");
    }

    private static long TimeStep(long span)
    {
        long[] steps = [TimeSpan.TicksPerMinute * 15, TimeSpan.TicksPerHour, TimeSpan.TicksPerHour * 3, TimeSpan.TicksPerHour * 6, TimeSpan.TicksPerHour * 12, TimeSpan.TicksPerDay, TimeSpan.TicksPerDay * 2, TimeSpan.TicksPerDay * 7, TimeSpan.TicksPerDay * 14, TimeSpan.TicksPerDay * 28];
        return steps.FirstOrDefault(s => span / s <= 10, steps[^1]);
    }

    private static double NiceCeiling(double max)
    {
        if (!(max > 0)) return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var f in new[] { 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 })
        {
            if (f * magnitude >= max) return f * magnitude;
        }

        return 10 * magnitude;
    }

    internal static string Compact(double v) => v switch
    {
        >= 1e9 => (v / 1e9).ToString("0.##", C) + "G",
        >= 1e6 => (v / 1e6).ToString("0.##", C) + "M",
        >= 1e4 => (v / 1e3).ToString("0.#", C) + "k",
        _ => v.ToString("0.##", C),
    };
}
