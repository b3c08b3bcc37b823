using Autoscaler.Fuzzing;
using Autoscaler.Kubernetes.Entities;
using Autoscaler.Kubernetes.Entities.Mapping;
using Xunit.Abstractions;

namespace Autoscaler.Controller.Tests.Entities.Mapping;

/// <summary>
/// Hostile ScalingEvent specs through the mapping the controller plans with and the calendar previews with (issue
/// #15), seeded: times, zones, durations, cron schedules and loads from mutated corpora and numeric edges. The mapping
/// never throws: a spec maps to a series, or to problems that each name a spec field; a series that maps can be
/// walked (ramp start, occurrences, shares, labels) without throwing either.
/// </summary>
public sealed class ScalingEventMappingFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 0x15_0801;
    private const int Iterations = 6_000;
    private static readonly DateTimeOffset From = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Seed_0x150801_6000_hostile_scaling_event_specs_map_or_report_problems_naming_a_spec_field()
    {
        var times = new SeededMutator(Seed, ["2026-12-05T18:00:00", "2026-12-05T20:00:00Z", "2026-03-29T02:30:00", "2026-10-25T02:30:00", "2026-12-05T18:00", "0001-01-01T00:00:00", "9999-12-31T23:59:59"]);
        var zones = new SeededMutator(Seed + 1, ["Europe/Paris", "UTC", "America/New_York", "Asia/Kolkata", "Etc/GMT+12", "Pacific/Kiritimati"], ["Mars/Olympus", "../../etc/passwd", "+01:00"]);
        var durations = new SeededMutator(Seed + 2, ["20m", "90s", "1h30m", "auto", "14d", "2w", "500ms"], ["99999999999999999999999999999w", "7000000000000000d", "0.0000000001s", "1.5.5h"]);
        var crons = new SeededMutator(Seed + 3, ["0 18 * * FRI", "*/5 * * * *", "0 0 31 2 *", "0 9 * * MON-FRI", "30 2 * * SUN"], ["@daily", "* * * * * *", "60 24 32 13 8"]);
        var random = new Random(Seed + 4);
        var (mapped, refused) = (0, 0);
        for (var i = 0; i < Iterations; i++)
        {
            var spec = new ScalingEventSpec
            {
                Start = random.Next(3) == 0 ? times.Sometimes(2) : "2026-12-05T18:00:00",
                End = random.Next(4) == 0 ? times.Sometimes(2) : "2026-12-05T20:00:00",
                TimeZone = random.Next(3) == 0 ? null : zones.Sometimes(4),
                Kind = "sale",
                ExpectedLoad = Load(random),
                Ramp = random.Next(3) == 0 ? null : durations.Sometimes(4),
                LeadTime = random.Next(3) == 0 ? null : durations.Sometimes(4),
                Recurrence = random.Next(2) == 0 ? null : new EventRecurrence { Schedule = crons.Sometimes(3), Until = random.Next(2) == 0 ? null : times.Sometimes(2) },
            };
            var context = $"seed 0x{Seed:x}, case {i}: start '{SeededMutator.Show(spec.Start)}' end '{SeededMutator.Show(spec.End)}' zone '{SeededMutator.Show(spec.TimeZone ?? "")}' ramp '{SeededMutator.Show(spec.Ramp ?? "")}' lead '{SeededMutator.Show(spec.LeadTime ?? "")}' schedule '{SeededMutator.Show(spec.Recurrence?.Schedule ?? "")}' until '{SeededMutator.Show(spec.Recurrence?.Until ?? "")}' load {spec.ExpectedLoad.Multiplier}/{spec.ExpectedLoad.BumpPercent}/{spec.ExpectedLoad.AbsoluteFloor}";
            try
            {
                var result = ScalingEventMapping.Map(spec, "shop/sale");
                if (result.Series is null)
                {
                    refused++;
                    Assert.NotEmpty(result.Problems);
                    Assert.All(result.Problems, p => Assert.True(p.Field.StartsWith("spec.", StringComparison.Ordinal) && p.Message.Length > 0 && p.Reason.Length > 0, p.ToString()));
                    continue;
                }

                mapped++;
                var first = result.Series.First;
                _ = first.RampStart;
                _ = first.Label;
                var shares = first.ShareAt(first.Start) + first.ShareAt(first.RampStart) + first.ShareAt(first.End);
                Assert.True(double.IsFinite(shares), "share not finite");
                foreach (var occurrence in result.Series.Occurrences(From, From.AddYears(1)).Take(500))
                {
                    Assert.True(occurrence.End > occurrence.Start, $"{occurrence.Label} ends before it starts");
                    _ = occurrence.Expected?.LoadFor(100, occurrence.ShareAt(occurrence.Start));
                }
            }
            catch (Xunit.Sdk.XunitException e)
            {
                throw new Xunit.Sdk.XunitException($"{context}: {e.Message}");
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"{context}: escaped as {e}");
            }
        }

        output.WriteLine($"scaling event mapping: seed 0x{Seed:x}, {Iterations} specs: {mapped} mapped, {refused} refused with problems, 0 crashes");
        Assert.True(mapped > 100 && refused > 100, $"{mapped} mapped, {refused} refused");
    }

    private static ExpectedLoad Load(Random random)
    {
        double[] doubles = [1.5, 2, 0, -1, double.NaN, double.PositiveInfinity, double.Epsilon, 1e308, -0.0];
        int[] ints = [50, 0, -1, int.MaxValue, int.MinValue, 3];
        return random.Next(6) switch
        {
            0 => new ExpectedLoad { Multiplier = doubles[random.Next(doubles.Length)] },
            1 => new ExpectedLoad { BumpPercent = ints[random.Next(ints.Length)] },
            2 => new ExpectedLoad { AbsoluteFloor = ints[random.Next(ints.Length)] },
            3 => new ExpectedLoad(),
            _ => new ExpectedLoad { BumpPercent = 50 },
        };
    }
}
