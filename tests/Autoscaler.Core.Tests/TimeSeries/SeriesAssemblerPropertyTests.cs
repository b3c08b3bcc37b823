using Autoscaler.Core.TimeSeries;
using FsCheck;
using FsCheck.Fluent;

namespace Autoscaler.Core.Tests.TimeSeries;

/// <summary>Invariants of assembling raw points, checked on random inputs with FsCheck.</summary>
public sealed class SeriesAssemblerPropertyTests
{
    private static readonly DateTime T0 = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void AssembledSeriesIsSortedUniqueAndKeepsTheLastValuePerTimestamp()
    {
        Prop.ForAll<(byte Minute, int Value)[]>(raw =>
        {
            var points = raw.Select(p => new TimedValue(T0.AddMinutes(p.Minute), p.Value)).ToList();
            var (series, report) = SeriesAssembler.Assemble(points);
            var distinct = points.Select(p => p.Time).Distinct().Count();
            var sorted = Enumerable.Range(1, Math.Max(0, series.Count - 1)).All(i => series.Times[i] > series.Times[i - 1]);
            var lastWins = points.GroupBy(p => p.Time).All(g => series.Values[series.IndexAtOrBefore(g.Key)] == g.Last().Value);
            return sorted && lastWins && series.Count == distinct && report.DuplicateCount == points.Count - distinct;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void RegularGridHasNoGapsAndKeepsEverySample()
    {
        Prop.ForAll<byte[]>(minutes =>
        {
            var times = minutes.Distinct().Order().Select(m => T0.AddMinutes(m)).ToArray();
            var series = Series.Create(times, times.Select(t => (double)t.Minute).ToArray());
            var grid = SeriesResampler.ToRegularGrid(series, TimeSpan.FromMinutes(1), GapFill.Hold);
            var inspected = SeriesAssembler.Inspect(grid);
            return inspected.GapCount == 0 && times.All(t => grid.Values[grid.IndexAtOrBefore(t)] == t.Minute);
        }).QuickCheckThrowOnFailure();
    }
}
