using Autoscaler.Controller.Cluster;
using Autoscaler.Controller.Reconciling;
using Autoscaler.Fuzzing;
using Autoscaler.Kubernetes.Entities;
using k8s.Models;
using Xunit.Abstractions;

namespace Autoscaler.Controller.Tests.Reconciling;

/// <summary>
/// Hostile PredictivePolicy specs through the controller's resolver (issue #15), seeded: forecaster names, time zones,
/// exclusion dates, trust-gate windows, modes, numbers at their edges. Resolving never throws: the policy resolves, with
/// problems each naming a <c>spec.</c> field (numbers outside the CRD schema's ranges included); its exclusion dates
/// can then be asked whether they cover an instant.
/// </summary>
public sealed class PolicyResolverFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 0x15_0b01;
    private const int Iterations = 3_000;

    private static readonly HpaView Hpa = new("shop", "web", "autoscaling/v2", 2, 20, 3, 3, new Dictionary<string, string>(), new Dictionary<string, string>(), [], 100, "web");

    [Fact]
    public void Seed_0x150b01_3000_hostile_predictive_policy_specs_resolve_with_problems_naming_a_spec_field()
    {
        var forecasters = new SeededMutator(Seed, ["auto", "persistence", "seasonal-naive:1d", "seasonal-naive:7d", "holt-winters", "ssa"], ["seasonal-naive:", ":", "1000w", "0.0001ms"]);
        var zones = new SeededMutator(Seed + 1, ["Europe/Paris", "UTC", "America/New_York", "Pacific/Kiritimati"], ["Mars/Olympus", "+01:00"]);
        var dates = new SeededMutator(Seed + 2, ["2026-12-25", "2027-01-01", "0001-01-01", "9999-12-31", "2026-02-29"]);
        var windows = new SeededMutator(Seed + 3, ["7d", "1d", "14d", "2w"], ["99999999999999999999999999w", "0s"]);
        var random = new Random(Seed + 4);
        var (clean, withProblems) = (0, 0);
        int?[] ints = [null, 0, 1, 5, -1, int.MaxValue, int.MinValue];
        double?[] doubles = [null, 0.9, 0.5, 0, 1, -1, double.NaN, double.PositiveInfinity, 1e308];
        for (var i = 0; i < Iterations; i++)
        {
            var spec = new PredictivePolicySpec
            {
                TargetRef = new PolicyTargetRef { Name = random.Next(8) == 0 ? "other" : "web" },
                Forecaster = random.Next(4) == 0 ? null : forecasters.Sometimes(3),
                Quantile = doubles[random.Next(doubles.Length)],
                HeadroomPercent = ints[random.Next(ints.Length)],
                Mode = new[] { PolicyModes.Observe, PolicyModes.Recommend, "auto", "", "Auto" }[random.Next(5)],
                Bounds = random.Next(2) == 0 ? null : new PolicyBounds { MaxFloor = ints[random.Next(ints.Length)], MaxStepUp = ints[random.Next(ints.Length)] },
                Actuation = new[] { null, ActuationKinds.ExternalMetric, "minReplicas", "x" }[random.Next(4)],
                ExclusionDates = random.Next(2) == 0 ? null : Enumerable.Range(0, random.Next(4)).Select(_ => dates.Sometimes(3)).ToList(),
                TimeZone = random.Next(3) == 0 ? null : zones.Sometimes(4),
                TrustGate = random.Next(3) == 0 ? null : new TrustGateSpec { Enabled = random.Next(3) == 0 ? false : null, Window = random.Next(2) == 0 ? null : windows.Sometimes(3) },
            };
            var policy = new V1Alpha1PredictivePolicy { Metadata = new V1ObjectMeta { Name = "p", NamespaceProperty = "shop", Generation = 1 }, Spec = spec };
            var context = $"seed 0x{Seed:x}, case {i}: forecaster '{SeededMutator.Show(spec.Forecaster ?? "")}' zone '{SeededMutator.Show(spec.TimeZone ?? "")}' dates [{string.Join(", ", (spec.ExclusionDates ?? []).Select(SeededMutator.Show))}] window '{SeededMutator.Show(spec.TrustGate?.Window ?? "")}' quantile {spec.Quantile} headroom {spec.HeadroomPercent} bounds {spec.Bounds?.MaxFloor}/{spec.Bounds?.MaxStepUp}";
            try
            {
                var resolved = PolicyResolver.Resolve(policy, [Hpa]);
                if (resolved.Problems.Count == 0) clean++;
                else withProblems++;
                Assert.All(resolved.Problems, p => Assert.True(p.Field.StartsWith("spec.", StringComparison.Ordinal) && p.Message.Length > 0, p.ToString()));
                if (resolved.Problems.Count == 0)
                {
                    Assert.InRange(resolved.Quantile, 0.1, 0.9);
                    Assert.InRange(resolved.Headroom, 0, 5);
                    Assert.True(resolved.Bounds.MaxFloor is null or >= 1 && resolved.Bounds.MaxStepUp is null or >= 1, $"{resolved.Bounds}");
                }

                foreach (var exclusion in resolved.Exclusions)
                {
                    exclusion.Covers(new DateTimeOffset(2026, 12, 25, 12, 0, 0, TimeSpan.Zero));
                }
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                throw new Xunit.Sdk.XunitException($"{context}: escaped as {e}");
            }
        }

        output.WriteLine($"policy resolver: seed 0x{Seed:x}, {Iterations} specs: {clean} resolved cleanly, {withProblems} with problems, 0 crashes");
        Assert.True(clean > 100 && withProblems > 100, $"{clean} clean, {withProblems} with problems");
    }

    public static TheoryData<double?, int?, int?, int?, string> OutOfRange => new()
    {
        { double.NaN, null, null, null, "spec.quantile" },
        { 0.95, null, null, null, "spec.quantile" },
        { null, -1, null, null, "spec.headroomPercent" },
        { null, 501, null, null, "spec.headroomPercent" },
        { null, null, 0, null, "spec.bounds.maxFloor" },
        { null, null, null, int.MinValue, "spec.bounds.maxStepUp" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void Numbers_outside_the_crd_schemas_ranges_are_problems(double? quantile, int? headroom, int? maxFloor, int? maxStepUp, string field)
    {
        var spec = new PredictivePolicySpec
        {
            TargetRef = new PolicyTargetRef { Name = "web" },
            Quantile = quantile,
            HeadroomPercent = headroom,
            Bounds = maxFloor is null && maxStepUp is null ? null : new PolicyBounds { MaxFloor = maxFloor, MaxStepUp = maxStepUp },
        };
        var resolved = PolicyResolver.Resolve(new V1Alpha1PredictivePolicy { Metadata = new V1ObjectMeta { Name = "p", Generation = 1 }, Spec = spec }, [Hpa]);
        Assert.Equal(field, Assert.Single(resolved.Problems).Field);
    }
}
