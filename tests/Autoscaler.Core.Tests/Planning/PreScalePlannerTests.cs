using Autoscaler.Core.Decisions;
using Autoscaler.Core.Forecasting;
using Autoscaler.Core.Forecasting.Events;
using Autoscaler.Core.Planning;
using static Autoscaler.Core.Tests.Planning.PlanFixtures;

namespace Autoscaler.Core.Tests.Planning;

public sealed class PreScalePlannerTests
{
    [Fact]
    public void ForecastFloorIsTheQuantilePlusHeadroomOverTheTarget()
    {
        // p90 = 1.2 × 1000 = 1200, +10 % = 1320 → 14 replicas of 100.
        var input = Input(Flat(1000)) with { Headroom = 0.1 };
        var result = PreScalePlanner.Plan(input, PlannerState.Initial, Now);
        Assert.Equal(14, result.Floor);
        Assert.Equal(14, result.FloorToApply);
        Assert.Equal(DecisionReason.Forecast, result.Record.Reason);
        Assert.Contains("p90", result.Record.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void QuantileBetweenLevelsIsInterpolated()
    {
        var input = Input(Flat(1000)) with { Quantile = 0.7 };
        Assert.Equal(11, PreScalePlanner.Plan(input, PlannerState.Initial, Now).Floor); // 1100 → 11
    }

    [Fact]
    public void FloorRisesLeadTimeBeforeTheEventAndNotEarlier()
    {
        var e = Event(TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), ExpectedLoad.Floor(40));
        var input = Input(null, e);
        Assert.Null(PreScalePlanner.Plan(input, PlannerState.Initial, Now + TimeSpan.FromMinutes(24)).Floor);
        var at = PreScalePlanner.Plan(input, PlannerState.Initial, Now + TimeSpan.FromMinutes(25));
        Assert.Equal(40, at.Floor);
        Assert.Equal(DecisionReason.Event, at.Record.Reason);
        Assert.Equal(UpliftSource.Expected, at.Record.Uplift);
    }

    [Fact]
    public void FloorEndsWithTheEventAndControlReturnsToTheHpa()
    {
        var e = Event(TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), ExpectedLoad.Floor(40));
        var input = Input(null, e);
        Assert.Equal(40, PreScalePlanner.Plan(input, PlannerState.Initial, e.End - TimeSpan.FromSeconds(1)).Floor);
        var after = PreScalePlanner.Plan(input, new PlannerState(40, e.End), e.End);
        Assert.Null(after.Floor);
        Assert.Equal(DecisionReason.NoFloor, after.Record.Reason);
    }

    [Fact]
    public void MultiplierAppliesToTheForecastWithoutEventsAsNormal()
    {
        var withEvents = Flat(1000).WithEvents;
        var without = Flat(500).WithEvents;
        var e = Event(TimeSpan.FromMinutes(2), TimeSpan.FromHours(1), ExpectedLoad.Multiplier(8));
        var input = Input(new PlanForecast(withEvents, without), e) with { ForecastFloors = false };
        var result = PreScalePlanner.Plan(input, PlannerState.Initial, Now);
        Assert.Equal(40, result.Floor); // 500 × 8 = 4000 → 40
        Assert.Equal(500, result.Record.Normal);
        Assert.Contains("without the event", result.Record.NormalSource, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutForecastNormalIsTheSameTimeOneWeekEarlier()
    {
        var history = new ForecastHistory(Now - TimeSpan.FromDays(8), TimeSpan.FromMinutes(1), Enumerable.Repeat(300.0, 8 * 1440).ToArray());
        var e = Event(TimeSpan.Zero, TimeSpan.FromHours(1), ExpectedLoad.Bump(0.4));
        var input = Input(null, e) with { RecentHistory = history };
        var result = PreScalePlanner.Plan(input, PlannerState.Initial, Now);
        Assert.Equal(5, result.Floor); // 300 × 1.4 = 420 → 5
        Assert.Contains("one week earlier", result.Record.NormalSource, StringComparison.Ordinal);
    }

    [Fact]
    public void LearnedUpliftReplacesTheGuess()
    {
        var e = Event(TimeSpan.FromMinutes(2), TimeSpan.FromHours(1), ExpectedLoad.Multiplier(100));
        var forecast = Flat(1000, new ForecastEventUplift(e.Kind, e.Start, 5, 2, 3));
        var input = Input(forecast, e) with { ForecastFloors = false };
        var result = PreScalePlanner.Plan(input, PlannerState.Initial, Now);
        Assert.Equal(12, result.Floor); // p90 1200, not 100 × normal
        Assert.Equal(UpliftSource.Learned, result.Record.Uplift);
        Assert.Contains("learned uplift (5 past occurrences, replaces ×100 normal)", result.Record.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ARunningEventKeepsItsLearnedUpliftWhenTheForecastAlsoCoversTheNextEvent()
    {
        // Regression (WC98 12:30 matches): the forecast's first uplift is the running event's, a later lead's is the next
        // event's; the running event's floor must still come from its learned uplift, not vanish for want of a guess.
        var running = Event(TimeSpan.FromMinutes(-90), TimeSpan.FromHours(2), null);
        var next = Event(TimeSpan.FromMinutes(90), TimeSpan.FromHours(2), null);
        var forecast = Flat(1000, new ForecastEventUplift(running.Kind, running.Start, 6, 2, 3));
        forecast = forecast with
        {
            WithEvents = forecast.WithEvents with
            {
                EventUplift = new ForecastEventUplift(next.Kind, next.Start, 4, 1, 1.5),
                EventUplifts = [new ForecastEventUplift(running.Kind, running.Start, 6, 2, 3), new ForecastEventUplift(next.Kind, next.Start, 4, 1, 1.5)],
            },
        };
        var input = Input(forecast, running, next) with { ForecastFloors = false };
        var result = PreScalePlanner.Plan(input, PlannerState.Initial, Now);
        Assert.Equal(12, result.Floor); // p90 1200 from the learned forecast
        Assert.Equal(UpliftSource.Learned, result.Record.Uplift);
        Assert.Contains("learned uplift (6 past occurrences, replaces no stated expectation)", result.Record.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ExclusionDateSuppressesForecastFloorsButNotEvents()
    {
        var exclusion = Autoscaler.Core.Planning.Calendar.ExclusionDate.TryCreate("2026-03-02", "UTC", out _)!;
        var e = Event(TimeSpan.Zero, TimeSpan.FromHours(1), ExpectedLoad.Floor(7));
        var input = Input(Flat(5000)) with { Calendar = new Autoscaler.Core.Planning.Calendar.EventCalendar([], null, [exclusion]) };
        Assert.Null(PreScalePlanner.Plan(input, PlannerState.Initial, Now).Floor);
        input = input with { Calendar = new Autoscaler.Core.Planning.Calendar.EventCalendar([e], null, [exclusion]) };
        Assert.Equal(7, PreScalePlanner.Plan(input, PlannerState.Initial, Now).Floor);
    }

    [Fact]
    public void BoundsLimitTheFloorAndSaySo()
    {
        var input = Input(Flat(100_000));
        var max = PreScalePlanner.Plan(input, PlannerState.Initial, Now);
        Assert.Equal(100, max.Floor);
        Assert.Equal(DecisionReason.MaxReplicas, max.Record.Reason);
        Assert.Equal(1200, max.Record.WantedFloor);

        var capped = PreScalePlanner.Plan(input with { Bounds = new SafetyBounds(MaxFloor: 30) }, PlannerState.Initial, Now);
        Assert.Equal(30, capped.Floor);
        Assert.Equal(DecisionReason.MaxFloor, capped.Record.Reason);

        var stepped = PreScalePlanner.Plan(input with { Bounds = new SafetyBounds(MaxStepUp: 5), CurrentReplicas = 10 }, new PlannerState(12, Now), Now);
        Assert.Equal(17, stepped.Floor);
        Assert.Equal(DecisionReason.MaxStepUp, stepped.Record.Reason);
    }

    [Fact]
    public void RampStepsHoldAShareBeforeTheStart()
    {
        var e = Event(TimeSpan.FromMinutes(60), TimeSpan.FromHours(1), ExpectedLoad.Floor(40)) with { Ramp = [new RampStep(TimeSpan.FromMinutes(30), 0.5)] };
        var input = Input(null, e);
        Assert.Null(PreScalePlanner.Plan(input, PlannerState.Initial, Now + TimeSpan.FromMinutes(24)).Floor);
        Assert.Equal(20, PreScalePlanner.Plan(input, PlannerState.Initial, Now + TimeSpan.FromMinutes(25)).Floor);
        Assert.Equal(40, PreScalePlanner.Plan(input, PlannerState.Initial, Now + TimeSpan.FromMinutes(55)).Floor);
    }

    [Theory]
    [InlineData(PlanningMode.Observe, "observe: would hold a floor of 12")]
    [InlineData(PlanningMode.Recommend, "recommend: hold a floor of 12")]
    [InlineData(PlanningMode.Auto, "auto: hold a floor of 12")]
    public void ModesComputeTheSameFloorButOnlyAutoApplies(PlanningMode mode, string action)
    {
        var result = PreScalePlanner.Plan(Input(Flat(1000)) with { Mode = mode }, PlannerState.Initial, Now);
        Assert.Equal(12, result.Floor);
        Assert.Equal(mode == PlanningMode.Auto ? 12 : null, result.FloorToApply);
        Assert.StartsWith(action, result.Record.Action, StringComparison.Ordinal);
    }

    [Fact]
    public void PlannedFloorCoversTheHorizon()
    {
        var e = Event(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30), ExpectedLoad.Floor(40));
        var result = PreScalePlanner.Plan(Input(null, e) with { PlanHorizon = TimeSpan.FromHours(1), PlanStep = TimeSpan.FromMinutes(5) }, PlannerState.Initial, Now);
        Assert.Equal(13, result.PlannedFloor.Count);
        Assert.Equal(0, result.PlannedFloor[4].Floor);   // 12:20 < 12:25
        Assert.Equal(40, result.PlannedFloor[5].Floor);  // 12:25 = start − lead
        Assert.Equal(0, result.PlannedFloor[12].Floor);  // 13:00 = end
    }

    [Theory]
    [InlineData(5, 221_159_452)]  // the new user's preview: points at now (…:08:40.1159452) plus steps
    [InlineData(15, 1)]
    [InlineData(60, 35_999_999_999)]
    public void PlannedFloorPointsLieOnTheStepsRoundInstantsWhateverNow(int stepMinutes, long ticksAfterNow)
    {
        var now = Now + TimeSpan.FromTicks(ticksAfterNow);
        var step = TimeSpan.FromMinutes(stepMinutes);
        var e = Event(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(30), ExpectedLoad.Floor(40));
        var horizon = TimeSpan.FromHours(3);
        var points = PreScalePlanner.Plan(Input(null, e) with { PlanHorizon = horizon, PlanStep = step }, PlannerState.Initial, now).PlannedFloor;

        Assert.NotEmpty(points);
        Assert.All(points, p => Assert.Equal(0, (p.Time - DateTimeOffset.UnixEpoch).Ticks % step.Ticks));
        Assert.True(points[0].Time >= now && points[0].Time - now < step, $"first point {points[0].Time:O} for now {now:O}");
        Assert.True(points[^1].Time <= now + horizon && now + horizon - points[^1].Time < step, $"last point {points[^1].Time:O}");
        Assert.All(points.Zip(points.Skip(1)), pair => Assert.Equal(step, pair.Second.Time - pair.First.Time));
    }
}
