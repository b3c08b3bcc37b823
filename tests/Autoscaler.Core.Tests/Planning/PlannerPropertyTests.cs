using Autoscaler.Core.Planning;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Autoscaler.Core.Tests.Planning.PlanFixtures;

namespace Autoscaler.Core.Tests.Planning;

/// <summary>Invariants of the planner on random forecasts, events, bounds and states (FsCheck).</summary>
public sealed class PlannerPropertyTests
{
    public sealed record Case(int Level, int Min, int Max, int? MaxFloor, int? MaxStepUp, int Current, int? LastFloor, int EventIn, int EventFloor, int LeadMinutes, int NowOffset);

    public static Arbitrary<Case> Cases() => (
        from level in Gen.Choose(0, 50_000)
        from min in Gen.Choose(0, 20)
        from extra in Gen.Choose(0, 300)
        from maxFloor in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 400).Select(v => (int?)v))
        from step in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(1, 50).Select(v => (int?)v))
        from current in Gen.Choose(0, 400)
        from last in Gen.OneOf(Gen.Constant<int?>(null), Gen.Choose(0, 400).Select(v => (int?)v))
        from eventIn in Gen.Choose(0, 90)
        from eventFloor in Gen.Choose(0, 1000)
        from lead in Gen.Choose(0, 30)
        from offset in Gen.Choose(0, 100)
        select new Case(level, min, min + extra, maxFloor, step, current, last, eventIn, eventFloor, lead, offset)).ToArbitrary();

    private static (PlanInput Input, PlannedEvent Event) Build(Case c)
    {
        var e = Event(TimeSpan.FromMinutes(c.EventIn), TimeSpan.FromMinutes(20), ExpectedLoad.Floor(c.EventFloor));
        var input = Input(Flat(c.Level, shape: i => c.Level * (1 + Math.Sin(i / 7.0))), e) with
        {
            HpaMinReplicas = c.Min,
            HpaMaxReplicas = c.Max,
            CurrentReplicas = c.Current,
            Bounds = new SafetyBounds(c.MaxFloor, c.MaxStepUp),
            LeadTime = LeadTime.Explicit(TimeSpan.FromMinutes(c.LeadMinutes)),
            Headroom = 0.1,
        };
        return (input, e);
    }

    [Property(Arbitrary = [typeof(PlannerPropertyTests)], MaxTest = 300)]
    public bool FloorNeverExceedsMaxReplicasNorMaxFloor(Case c)
    {
        var (input, _) = Build(c);
        var floor = PreScalePlanner.Plan(input, new PlannerState(c.LastFloor, null), Now + TimeSpan.FromMinutes(c.NowOffset)).Floor;
        return floor is null || (floor <= c.Max && (c.MaxFloor is null || floor <= c.MaxFloor || c.MaxFloor >= c.Max));
    }

    [Property(Arbitrary = [typeof(PlannerPropertyTests)], MaxTest = 300)]
    public bool FloorIsOnlyEverAboveMinReplicasAndNeverAskesForScaleIn(Case c)
    {
        // A floor is a lower bound: the HPA's effective minimum is max(minReplicas, floor) ≥ its own minimum, and
        // the replicas it implies, max(current, floor), are never below the current replicas.
        var (input, _) = Build(c);
        var result = PreScalePlanner.Plan(input, new PlannerState(c.LastFloor, null), Now + TimeSpan.FromMinutes(c.NowOffset));
        var floor = result.Floor;
        return (floor is null || floor > c.Min)
            && Math.Max(c.Current, floor ?? 0) >= c.Current
            && (result.FloorToApply == floor);
    }

    [Property(Arbitrary = [typeof(PlannerPropertyTests)], MaxTest = 300)]
    public bool FloorRisesLeadTimeBeforeEveryEventStart(Case c)
    {
        // Without a forecast and without a step limit: at start − lead the event's floor is already held, and
        // one resolution step earlier it is not (the event is the only source).
        var (input, e) = Build(c);
        input = input with { Forecast = null, Bounds = SafetyBounds.None };
        var lead = input.LeadTime.Value;
        var expected = Math.Min(c.EventFloor, c.Max);
        var at = PreScalePlanner.Plan(input, PlannerState.Initial, e.Start - lead).Floor ?? 0;
        var before = PreScalePlanner.Plan(input, PlannerState.Initial, e.Start - lead - TimeSpan.FromMinutes(1)).Floor ?? 0;
        var held = expected > c.Min ? at == expected : at == 0;
        return held && (e.Start - lead - TimeSpan.FromMinutes(1) < Now ? true : before == 0);
    }

    [Property(Arbitrary = [typeof(PlannerPropertyTests)], MaxTest = 200)]
    public bool ModesAgreeOnTheFloor(Case c)
    {
        var (input, _) = Build(c);
        var now = Now + TimeSpan.FromMinutes(c.NowOffset);
        var state = new PlannerState(c.LastFloor, null);
        var auto = PreScalePlanner.Plan(input with { Mode = PlanningMode.Auto }, state, now);
        var observe = PreScalePlanner.Plan(input with { Mode = PlanningMode.Observe }, state, now);
        var recommend = PreScalePlanner.Plan(input with { Mode = PlanningMode.Recommend }, state, now);
        return auto.Floor == observe.Floor && auto.Floor == recommend.Floor && observe.FloorToApply is null && recommend.FloorToApply is null;
    }
}
