using Autoscaler.Core.Control;
using Autoscaler.Core.Decisions;
using Autoscaler.Core.Forecasting;
using Autoscaler.Core.Planning;
using Autoscaler.Core.Planning.Calendar;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Core.Tests.Control;

/// <summary>
/// <see cref="StepRun"/>: a first fit deferred by a host's budget (a cold start) leaves the step ForecastPending and
/// actuating nothing but events; a forecast floor withheld by the trust gate is recorded, not applied.
/// </summary>
public sealed class StepRunTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private static (PreScaleStep Step, History History, Actuator Actuator, Sink Sink, FakeTimeProvider Time) Build(EventCalendar? calendar = null, Func<DateTimeOffset, double>? load = null)
    {
        var time = new FakeTimeProvider(Start);
        var history = new History(load ?? (_ => 1000.0));
        var actuator = new Actuator();
        var sink = new Sink();
        ForecasterCatalog.TryCreate("persistence", out var forecaster, out _);
        var policy = new PreScalePolicy
        {
            Capacity = CapacityModel.ForAverageValue(100),
            LeadTime = LeadTime.Explicit(TimeSpan.FromMinutes(5)),
            Calendar = calendar ?? EventCalendar.Empty,
            Forecaster = forecaster,
            Headroom = 0,
        };
        return (new PreScaleStep(policy, history, new Workload(), actuator, sink, time), history, actuator, sink, time);
    }

    [Fact]
    public async Task A_deferred_first_fit_reads_nothing_actuates_nothing_and_says_ForecastPending()
    {
        var (step, history, actuator, sink, time) = Build();

        var pending = await step.RunOnceAsync(new StepRun(DeferFit: true));

        Assert.True(step.FitPending);
        Assert.True(step.FitDue(time.GetUtcNow()));
        Assert.Equal(0, history.Reads);
        Assert.Empty(actuator.Floors); // a floor held before (e.g. before a restart) stays: no release on no forecast
        Assert.Equal(DecisionReason.ForecastPending, sink.Records[^1].Reason);
        Assert.Null(pending.FloorToApply);

        time.Advance(TimeSpan.FromSeconds(30));
        await step.RunOnceAsync(StepRun.Default);

        Assert.False(step.FitPending);
        Assert.Equal(1, history.Reads);
        Assert.Equal([10], actuator.Floors); // persistence of 1000 → 10 replicas of 100
        Assert.Equal(DecisionReason.Forecast, sink.Records[^1].Reason);
    }

    [Fact]
    public async Task An_event_acts_while_the_first_fit_waits()
    {
        var sale = new PlannedEvent(Start.AddMinutes(1), Start.AddHours(1), "sale", ExpectedLoad.Floor(30));
        var (step, _, actuator, sink, _) = Build(new EventCalendar([sale]));

        await step.RunOnceAsync(new StepRun(DeferFit: true));

        Assert.True(step.FitPending);
        Assert.Equal([30], actuator.Floors);
        Assert.Equal(DecisionReason.Event, sink.Records[^1].Reason);
    }

    [Fact]
    public async Task The_old_overload_never_defers_a_first_fit()
    {
        var (step, history, _, _, _) = Build();

        await step.RunOnceAsync(deferRefit: true);

        Assert.False(step.FitPending);
        Assert.Equal(1, history.Reads);
    }

    [Fact]
    public async Task A_withheld_forecast_floor_is_recorded_not_applied_and_events_still_act()
    {
        var (step, _, actuator, sink, time) = Build();

        await step.RunOnceAsync(new StepRun(WithholdForecastFloors: true));

        Assert.Equal([null], actuator.Floors);
        Assert.Null(sink.Records[^1].Floor);
        Assert.Equal(10, sink.Records[^1].WithheldFloor);
        Assert.Contains("forecast floor 10 withheld", sink.Records[^1].Detail, StringComparison.Ordinal);

        time.Advance(TimeSpan.FromSeconds(30));
        await step.RunOnceAsync(StepRun.Default);
        Assert.Equal(10, actuator.Floors[^1]);
        Assert.Null(sink.Records[^1].WithheldFloor);

        var sale = new PlannedEvent(Start.AddMinutes(1), Start.AddHours(1), "sale", ExpectedLoad.Floor(30));
        var (withEvent, _, eventActuator, eventSink, _) = Build(new EventCalendar([sale]));
        await withEvent.RunOnceAsync(new StepRun(WithholdForecastFloors: true));
        Assert.Equal([30], eventActuator.Floors);
        Assert.Null(eventSink.Records[^1].WithheldFloor); // the event's 30 is above the forecast's 10: nothing withheld
    }

    /// <summary>
    /// Issue #11 follow-up, the gate's split in Core (one rule for the controller and the simulator): while the forecast is
    /// untrusted, a multiplier event multiplies the load observed one week earlier, not the forecast's p50, and a learned
    /// uplift does not act; the forecast's own plan is the recommendation. Load: 500 until six days ago, then 1000, so
    /// persistence (the forecast) says 1000 and "one week earlier" says 500.
    /// </summary>
    [Fact]
    public async Task While_withheld_a_multiplier_event_multiplies_observed_normal_load_and_the_forecast_only_recommends()
    {
        static double Load(DateTimeOffset at) => at < Start.AddDays(-6) ? 500 : 1000;
        var sale = new PlannedEvent(Start.AddMinutes(1), Start.AddHours(1), "sale", ExpectedLoad.Multiplier(3));
        var (withheld, _, actuator, sink, _) = Build(new EventCalendar([sale]), Load);

        await withheld.RunOnceAsync(new StepRun(WithholdForecastFloors: true));

        var acted = sink.Records[^1];
        Assert.Equal([15], actuator.Floors); // 3 × 500 observed a week earlier = 1500 → 15 replicas of 100
        Assert.Equal(500, acted.Normal);
        Assert.Equal("same time one week earlier (observed)", acted.NormalSource);
        Assert.Equal(DecisionReason.Event, acted.Reason);
        Assert.Equal(30, acted.WithheldFloor); // the forecast's plan: 3 × its p50 1000 → 30, recommended only
        Assert.NotNull(acted.Forecast); // the record still names the forecast that was fitted
        var recommendation = withheld.Recommendation!;
        Assert.Equal(PlanningMode.Recommend, recommendation.Record.Mode);
        Assert.Equal(30, recommendation.Floor);
        Assert.Null(recommendation.FloorToApply);
        Assert.StartsWith("forecast p50 without the event", recommendation.Record.NormalSource, StringComparison.Ordinal);

        var (trusted, _, trustedActuator, trustedSink, _) = Build(new EventCalendar([sale]), Load);
        await trusted.RunOnceAsync(StepRun.Default);
        Assert.Equal([30], trustedActuator.Floors); // trusted: the event multiplies the forecast's p50
        Assert.StartsWith("forecast p50 without the event", trustedSink.Records[^1].NormalSource, StringComparison.Ordinal);
        Assert.Null(trusted.Recommendation);
    }

    [Fact]
    public async Task While_withheld_a_record_without_an_event_says_the_untrusted_forecast_does_not_act()
    {
        var (step, _, _, sink, _) = Build(load: _ => 150); // persistence 150 → 2 replicas: not above minReplicas 2

        await step.RunOnceAsync(new StepRun(WithholdForecastFloors: true));

        Assert.Null(sink.Records[^1].WithheldFloor);
        Assert.Contains("the untrusted forecast does not act", sink.Records[^1].Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("no forecast", sink.Records[^1].Detail, StringComparison.Ordinal);
    }

    private sealed class Workload : IWorkloadView
    {
        public ValueTask<WorkloadSnapshot> ReadAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new WorkloadSnapshot(2, 50, 3));
    }

    private sealed class History(Func<DateTimeOffset, double> load) : IHistorySource
    {
        public int Reads { get; private set; }

        public ValueTask<ForecastHistory?> GetHistoryAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
        {
            Reads++;
            var grid = HistoryGrid.Covering(from, to, TimeSpan.FromMinutes(1), TimeSpan.Zero);
            return ValueTask.FromResult<ForecastHistory?>(grid.With(Enumerable.Range(0, grid.Count).Select(i => load(grid.TimeAt(i))).ToArray()));
        }
    }

    private sealed class Actuator : IFloorActuator
    {
        public List<int?> Floors { get; } = [];

        public ValueTask ApplyAsync(int? floor, FloorActuation actuation, CancellationToken cancellationToken)
        {
            Floors.Add(floor);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class Sink : IDecisionSink
    {
        public List<DecisionRecord> Records { get; } = [];

        public ValueTask WriteAsync(DecisionRecord record, CancellationToken cancellationToken)
        {
            Records.Add(record);
            return ValueTask.CompletedTask;
        }
    }
}
