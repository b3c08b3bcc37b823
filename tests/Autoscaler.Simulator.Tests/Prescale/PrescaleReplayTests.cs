using Autoscaler.Core.Planning;
using Autoscaler.Core.Planning.Calendar;
using Autoscaler.Core.TimeSeries;
using Autoscaler.Simulator.Engine;
using Autoscaler.Simulator.Prescale;
using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.Simulator.Tests.Prescale;

/// <summary>The planner inside the replay: the floor reaches the HPA model, events are scored, the future never leaks.</summary>
public sealed class PrescaleReplayTests
{
    private static readonly DateTime T0 = TestScenarios.T0;

    private static (ReplayOutcome Outcome, PrescaleDriver? Driver) Run(Scenario scenario, DemandTrace trace, DateTime from, DateTime to)
    {
        var driver = scenario.Prescale is null ? null : new PrescaleDriver(scenario, trace);
        var outcome = new ReplayEngine(scenario, trace, new HpaDecider(scenario), null, driver).Run(from, to);
        return (driver is null ? outcome : outcome with { Prescale = PrescaleAccounting.Compute(driver, outcome) }, driver);
    }

    private static PrescaleModel EventsOnly(PlannedEvent e, FloorActuation actuation = FloorActuation.MinReplicas, PlanningMode mode = PlanningMode.Auto) => new()
    {
        Calendar = new EventCalendar([e]),
        Forecaster = "none",
        Actuation = actuation,
        Mode = mode,
    };

    [Fact]
    public void EventFloorHasCapacityReadyAtTheStartWhereTheHpaAloneIsLate()
    {
        // 100 per minute, then 2,000 per minute for 20 minutes from minute 30; pods take 2 minutes to start.
        var trace = TestScenarios.Minutes([.. Enumerable.Repeat(100.0, 30), .. Enumerable.Repeat(2000.0, 20), .. Enumerable.Repeat(100.0, 10)]);
        var e = new PlannedEvent(new DateTimeOffset(T0.AddMinutes(30)), new DateTimeOffset(T0.AddMinutes(50)), "sale", ExpectedLoad.Floor(25));
        var reactive = TestScenarios.External(capacity: 100, averageValue: 80, startup: 120, max: 50) with { Prescale = EventsOnly(e, mode: PlanningMode.Observe) };
        var prescaled = reactive with { Prescale = EventsOnly(e) };

        var (r, _) = Run(reactive, trace, T0, T0.AddMinutes(60));
        var (p, driver) = Run(prescaled, trace, T0, T0.AddMinutes(60));

        var reactiveEvent = Assert.Single(r.Prescale!.Events);
        var prescaledEvent = Assert.Single(p.Prescale!.Events);
        Assert.True(reactiveEvent.OverloadMinutes > 1, $"reactive overload {reactiveEvent.OverloadMinutes}");
        Assert.True(reactiveEvent.TimeToCapacitySeconds >= 120, $"reactive ttc {reactiveEvent.TimeToCapacitySeconds}");
        Assert.Equal(0, prescaledEvent.OverloadMinutes);
        Assert.Equal(0, prescaledEvent.TimeToCapacitySeconds);
        Assert.True(p.PodHours > r.PodHours);
        // Auto lead time = 120 s startup + 15 s sync + 0 s metric delay: the floor is first held at 27:45.
        Assert.Equal(TimeSpan.FromSeconds(135), driver!.LeadTime.Value);
        var first = p.Timeline.Floor.IndexOf(25);
        Assert.Equal(T0.AddMinutes(27).AddSeconds(45).Ticks, p.Timeline.Ticks[first]);
        // Observe mode changes nothing: the same run as without a planner.
        Assert.Equal(r.OverloadMinutes, Run(reactive with { Prescale = null }, trace, T0, T0.AddMinutes(60)).Outcome.OverloadMinutes);
    }

    [Theory]
    [InlineData(FloorActuation.MinReplicas, 11, 11)]
    [InlineData(FloorActuation.ExternalMetric, 11, 10)] // 11 / 10 is within the HPA's 10 % tolerance: no change
    [InlineData(FloorActuation.MinReplicas, 20, 20)]
    [InlineData(FloorActuation.ExternalMetric, 20, 20)]
    public void FloorReachesTheHpaAsMinReplicasExactlyOrAsAMetricWithinTolerance(FloorActuation actuation, int floor, int expected)
    {
        // 800 per minute at a target of 80 per pod: the HPA settles at 10.
        var trace = TestScenarios.Minutes([.. Enumerable.Repeat(800.0, 40)]);
        var e = new PlannedEvent(new DateTimeOffset(T0.AddMinutes(20)), new DateTimeOffset(T0.AddMinutes(40)), "promo", ExpectedLoad.Floor(floor));
        var scenario = TestScenarios.External(capacity: 100, averageValue: 80, initial: 10, max: 50) with { Prescale = EventsOnly(e, actuation) };
        var (outcome, _) = Run(scenario, trace, T0, T0.AddMinutes(40));
        var at = outcome.Timeline.Ticks.IndexOf(T0.AddMinutes(30).Ticks);
        Assert.Equal(10, outcome.Timeline.Replicas[outcome.Timeline.Ticks.IndexOf(T0.AddMinutes(15).Ticks)]);
        Assert.Equal(expected, outcome.Timeline.Replicas[at]);
    }

    [Fact]
    public void TheForecasterNeverSeesTheFuture()
    {
        // Two traces equal up to T and wildly different after it: every decision before T must be identical.
        var days = 3;
        var values = Enumerable.Range(0, days * 1440).Select(i => 1000 + (800 * Math.Sin(i * 2 * Math.PI / 1440))).ToArray();
        var cut = (2 * 1440) + 600;
        var changed = values.Select((v, i) => i >= cut ? v * 10 : v).ToArray();
        var times = values.Select((_, i) => T0.AddMinutes(i)).ToArray();
        var a = new DemandTrace(Series.Create(times, values));
        var b = new DemandTrace(Series.Create(times, changed));
        var scenario = TestScenarios.External(capacity: 100, averageValue: 80, initial: 10, max: 500) with
        {
            Prescale = new PrescaleModel { Calendar = EventCalendar.Empty, Forecaster = "seasonal-naive:1d", RefitEvery = TimeSpan.FromMinutes(30), History = TimeSpan.FromDays(2) },
        };
        var from = T0.AddDays(2);
        var to = T0.AddMinutes(cut);
        var (ra, da) = Run(scenario, a, from, to);
        var (rb, db) = Run(scenario, b, from, to);

        Assert.True(ra.Timeline.Floor.ToArray().Max() > 10, "the forecast must drive a floor, or the test proves nothing");
        Assert.Equal(ra.Timeline.Floor.ToArray(), rb.Timeline.Floor.ToArray());
        Assert.Equal(da!.Changes.Select(c => c.Detail), db!.Changes.Select(c => c.Detail));
        var (sample, asked) = da.History.LatestServed!.Value;
        Assert.True(sample < asked, $"served {sample:O} for a step at {asked:O}");
        Assert.True(sample < new DateTimeOffset(to), $"served {sample:O} at or after the end {to:O}");

        // And the future does matter once it is the past: running on past the cut changes later floors.
        var (la, _) = Run(scenario, a, from, to.AddHours(3));
        var (lb, _) = Run(scenario, b, from, to.AddHours(3));
        Assert.NotEqual(la.Timeline.Floor.ToArray(), lb.Timeline.Floor.ToArray());
    }
}
