using Autoscaler.MetricsAdapter.Storage;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace Autoscaler.MetricsAdapter.Tests.Storage;

/// <summary>
/// Series limits as invariants (issue #15), FsCheck with a fixed seed: for any sequence of batches over a few namespaces
/// and series, the store never holds more series than its limits, a refused batch changes nothing, and an accepted
/// batch is served whole, checked against an independent model of what the store should hold.
/// </summary>
public sealed class SqliteSampleStoreLimitsPropertyTests
{
    private const int MaxSeries = 6;
    private const int MaxPerNamespace = 4;

    private static readonly Config Seeded = Config.QuickThrowOnFailure
        .WithMaxTest(300)
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(0x15_11_0A_5EUL, 0x9E37_79B9_7F4A_7C15UL), FSharpOption<int>.None)));

    [Fact]
    public void Limits_hold_and_refusals_are_all_or_nothing_for_any_sequence_of_batches()
    {
        var sample = from ns in Gen.Elements("a", "b", "c")
                     from series in Gen.Choose(0, 5)
                     from value in Gen.Choose(0, 1000)
                     select (ns, series, value);
        var batches = sample.ListOf().Select(b => b.Take(4).ToArray()).Where(b => b.Length > 0).ListOf().Select(l => l.Take(12).ToArray());

        Prop.ForAll(batches.ToArbitrary(), sequence =>
        {
            using var store = new SqliteSampleStore(":memory:", limits: new SampleStoreLimits(MaxSeries, MaxPerNamespace, 1_000));
            var model = new Dictionary<(string Ns, int Series), double>();
            var ts = 1000L;
            foreach (var batch in sequence)
            {
                ts += 1000;
                var fresh = batch.Select(s => (s.ns, s.series)).Distinct().Where(k => !model.ContainsKey(k)).ToList();
                var fits = model.Count + fresh.Count <= MaxSeries
                    && fresh.GroupBy(k => k.ns).All(g => model.Keys.Count(k => k.Ns == g.Key) + g.Count() <= MaxPerNamespace);
                try
                {
                    store.Append([.. batch.Select(s => new MetricSample(s.ns, $"m{s.series}", new Dictionary<string, string>(), s.value, ts))]);
                    Assert.True(fits, "a batch over the limits was stored");
                    foreach (var s in batch)
                    {
                        model[(s.ns, s.series)] = s.value;
                    }
                }
                catch (StoreLimitExceededException)
                {
                    Assert.False(fits, "a batch within the limits was refused");
                }

                Assert.Equal(model.Count, store.SeriesCount);
                foreach (var ((ns, series), value) in model)
                {
                    Assert.Equal(value, store.Latest(ns, $"m{series}", _ => true).Single().Value);
                }
            }
        }).Check(Seeded);
    }
}
