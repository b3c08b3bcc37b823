using System.Globalization;
using Autoscaler.Core.Control;
using Autoscaler.Core.Forecasting;

namespace Autoscaler.Calendar.Preview;

/// <summary>
/// Load history from a <c>timestamp,value</c> CSV (the format of the traces in data/traces), resampled to Core's <see cref="HistoryGrid"/> by
/// averaging; when <paramref name="retimeToNow"/> is set the whole trace is shifted so its last sample lies just before
/// the requested end (a replay of a real trace as if it were recent: for demos and browser tests, said so in the preview).
/// </summary>
/// <param name="path">The CSV file.</param>
/// <param name="step">Grid step.</param>
/// <param name="retimeToNow">Shift the trace to end now.</param>
public sealed class CsvHistory(string path, TimeSpan step, bool retimeToNow) : IHistorySource
{
    /// <inheritdoc />
    public async ValueTask<ForecastHistory?> GetHistoryAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var samples = new List<(DateTimeOffset T, double V)>();
        var lines = await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split(',');
            if (parts.Length < 2 || (i == 0 && !char.IsDigit(parts[0].FirstOrDefault()))) continue;
            if (!DateTimeOffset.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                throw new FormatException($"{path}:{i + 1}: expected timestamp,value (2014-04-10T00:04:00Z,94), got '{lines[i]}'");
            }

            samples.Add((t, v));
        }

        if (samples.Count == 0) return null;
        var shift = retimeToNow ? to - step - samples[^1].T : TimeSpan.Zero;
        // Core's grid, as the controller's and the simulator's: a bucket [t, t + step) once it has ended.
        var grid = HistoryGrid.Covering(from, to, step, TimeSpan.Zero);
        var count = grid.Count;
        if (count <= 0) return null;
        var sums = new double[count];
        var counts = new int[count];
        foreach (var (t, v) in samples)
        {
            var at = t + shift;
            if (at < grid.Start) continue;
            var index = (long)((at - grid.Start).Ticks / step.Ticks);
            if (index >= count) continue;
            sums[index] += v;
            counts[index]++;
        }

        var values = new double[count];
        for (var i = 0; i < count; i++) values[i] = counts[i] > 0 ? sums[i] / counts[i] : double.NaN;
        return grid.With(values);
    }
}
