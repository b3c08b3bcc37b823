using Autoscaler.MetricsAdapter.Storage;
using FsCheck;
using FsCheck.Fluent;

namespace Autoscaler.MetricsAdapter.Tests.Storage;

public sealed class SeriesIdentityTests
{
    [Fact]
    public void Canonical_form_round_trips_any_label_values()
    {
        var property = Prop.ForAll(
            ArbMap.Default.ArbFor<string[]>(),
            (string[] raw) =>
            {
                var values = raw.Where(v => v is not null).ToArray();
                var labels = values.Select((v, i) => ($"l{i}", v)).ToDictionary(p => p.Item1, p => p.v);
                var parsed = SeriesIdentity.Parse(SeriesIdentity.Canonical(labels));
                return parsed.Count == labels.Count && labels.All(kv => parsed[kv.Key] == kv.Value);
            });
        Check.QuickThrowOnFailure(property);
    }

    [Fact]
    public void Canonical_form_is_independent_of_insertion_order()
    {
        var a = SeriesIdentity.Canonical(new Dictionary<string, string> { ["x"] = "1", ["a"] = "2" });
        var b = SeriesIdentity.Canonical(new Dictionary<string, string> { ["a"] = "2", ["x"] = "1" });
        Assert.Equal(a, b);
    }
}
