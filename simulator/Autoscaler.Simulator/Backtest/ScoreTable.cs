using System.Globalization;

namespace Autoscaler.Simulator.Backtest;

/// <summary>
/// Prints model scores as an aligned text table; <c>satOut</c> counts the origins a model failed at and sat
/// out, and a line per model lists the candidates of its blend that sat out origins.
/// </summary>
internal static class ScoreTable
{
    public static void Write(TextWriter writer, string title, IReadOnlyList<ModelScore> scores, double maseScale, bool withFitTime)
    {
        writer.WriteLine(title);
        var width = Math.Max(5, scores.Max(s => s.Model.Length));
        var header = $"  {"model".PadRight(width)} {"targets",8} {"MAE",12} {"MASE",7} {"sMAPE%",7} {"p90cov%",8} {"pinball",12} {">p90%",6} {"satOut",6}";
        writer.WriteLine(withFitTime ? header + $" {"fit ms/origin",13} {"cpu ms/origin",13}" : header);
        foreach (var s in scores)
        {
            var line = string.Create(
                CultureInfo.InvariantCulture,
                $"  {s.Model.PadRight(width)} {s.Targets,8} {s.Mae,12:G6} {s.Mae / maseScale,7:0.000} {s.Smape,7:0.00} {100 * s.Coverage90,8:0.0} {s.Pinball,12:G6} {100 * s.Above90,6:0.0} {s.SatOut,6}");
            writer.WriteLine(withFitTime ? line + string.Create(CultureInfo.InvariantCulture, $" {s.FitMillisecondsPerOrigin,13:0.0} {s.CpuMillisecondsPerOrigin,13:0.0}") : line);
        }

        foreach (var s in scores.Where(s => s.CandidatesSatOut.Count > 0))
        {
            var list = string.Join(", ", s.CandidatesSatOut.Select(c => $"{c.Key} at {c.Value} origin{(c.Value == 1 ? string.Empty : "s")}"));
            writer.WriteLine($"  {s.Model}: candidates that failed and sat out (the blend used the others): {list}");
        }
    }
}
