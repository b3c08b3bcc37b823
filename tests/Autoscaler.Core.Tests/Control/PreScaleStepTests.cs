using Autoscaler.Core.Control;
using Autoscaler.Core.Decisions;
using Autoscaler.Core.Forecasting;
using Autoscaler.Core.Planning;
using Autoscaler.Core.Planning.Calendar;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Core.Tests.Control;

public sealed class PreScaleStepTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RefitsOnCadenceFromHistoryBeforeNowAndActsOnlyInAuto()
    {
        var time = new FakeTimeProvider(Start);
        var history = new RecordingHistory(time);
        var actuator = new RecordingActuator();
        var sink = new RecordingSink();
        ForecasterCatalog.TryCreate("persistence", out var forecaster, out _);
        var policy = new PreScalePolicy
        {
            Capacity = CapacityModel.ForAverageValue(100),
            LeadTime = LeadTime.Explicit(TimeSpan.FromMinutes(5)),
            Forecaster = forecaster,
            RefitEvery = TimeSpan.FromHours(1),
            Headroom = 0,
        };
        var step = new PreScaleStep(policy, history, new FixedWorkload(), actuator, sink, time);

        for (var i = 0; i < 8; i++)
        {
            await step.RunOnceAsync();
            time.Advance(TimeSpan.FromMinutes(15));
        }

        Assert.Equal(2, history.Requests.Count); // at 00:00 and 01:00
        Assert.All(history.Requests, r => Assert.True(r.To <= r.Now && r.From < r.To));
        Assert.Equal(8, sink.Records.Count);
        Assert.Equal(8, actuator.Floors.Count);
        Assert.Equal(10, actuator.Floors[^1]); // persistence of 1000 per minute → 10 replicas of 100
        Assert.Equal(DecisionReason.Forecast, sink.Records[^1].Reason);

        var observe = new PreScaleStep(policy with { Mode = PlanningMode.Observe }, history, new FixedWorkload(), actuator, sink, time);
        var before = actuator.Floors.Count;
        var result = await observe.RunOnceAsync();
        Assert.Equal(10, result.Floor);
        Assert.Equal(before, actuator.Floors.Count);
        Assert.StartsWith("observe: would hold a floor of 10", sink.Records[^1].Action, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventsOnlyWithoutForecasterUsesTheCalendar()
    {
        var time = new FakeTimeProvider(Start);
        var sink = new RecordingSink();
        var e = new PlannedEvent(Start + TimeSpan.FromMinutes(10), Start + TimeSpan.FromHours(1), "sale", ExpectedLoad.Floor(30));
        var policy = new PreScalePolicy
        {
            Capacity = CapacityModel.ForAverageValue(100),
            LeadTime = LeadTime.Explicit(TimeSpan.FromMinutes(10)),
            Calendar = new EventCalendar([e]),
        };
        var actuator = new RecordingActuator();
        var step = new PreScaleStep(policy, new RecordingHistory(time), new FixedWorkload(), actuator, sink, time);
        Assert.Equal(30, (await step.RunOnceAsync()).Floor);
        time.Advance(TimeSpan.FromHours(1));
        Assert.Null((await step.RunOnceAsync()).Floor);
        Assert.Equal([30, null], actuator.Floors);
    }

    [Fact]
    public async Task A_deferred_refit_keeps_the_forecast_and_its_slot_and_the_first_fit_is_never_deferred()
    {
        var time = new FakeTimeProvider(Start);
        var history = new RecordingHistory(time);
        ForecasterCatalog.TryCreate("persistence", out var forecaster, out _);
        var policy = new PreScalePolicy
        {
            Capacity = CapacityModel.ForAverageValue(100),
            LeadTime = LeadTime.Explicit(TimeSpan.FromMinutes(5)),
            Forecaster = forecaster,
            RefitPhase = TimeSpan.FromMinutes(20),
            RefitSlack = TimeSpan.FromMinutes(15),
            Headroom = 0,
        };
        var step = new PreScaleStep(policy, history, new FixedWorkload(), new RecordingActuator(), new RecordingSink(), time);
        Assert.Null(step.NextRefitAt);

        await step.RunOnceAsync(deferRefit: true); // first fit: runs anyway
        Assert.Single(history.Requests);
        Assert.Equal(Start + TimeSpan.FromMinutes(20), step.NextRefitAt); // the :20 slot, not an hour later

        time.Advance(TimeSpan.FromMinutes(30));
        Assert.True(step.RefitDue(time.GetUtcNow()));
        // Deferred 30 minutes past the first fit: no history read, and the forecast still covers now + lead time.
        var deferred = await step.RunOnceAsync(deferRefit: true);
        Assert.Single(history.Requests);
        Assert.Equal(10, deferred.Floor);
        Assert.Equal(DecisionReason.Forecast, deferred.Record.Reason);

        time.Advance(TimeSpan.FromMinutes(4));
        await step.RunOnceAsync(deferRefit: false);
        Assert.Equal(2, history.Requests.Count);
        Assert.Equal(Start + TimeSpan.FromMinutes(80), step.NextRefitAt); // late fit at :34 keeps the :20 slot
        Assert.False(step.RefitDue(time.GetUtcNow()));
    }

    private sealed class FixedWorkload : IWorkloadView
    {
        public ValueTask<WorkloadSnapshot> ReadAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new WorkloadSnapshot(2, 50, 3));
    }

    private sealed class RecordingHistory(TimeProvider time) : IHistorySource
    {
        public List<(DateTimeOffset From, DateTimeOffset To, DateTimeOffset Now)> Requests { get; } = [];

        public ValueTask<ForecastHistory?> GetHistoryAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
        {
            Requests.Add((from, to, time.GetUtcNow()));
            var n = (int)((to - from) / TimeSpan.FromMinutes(1));
            return ValueTask.FromResult<ForecastHistory?>(new ForecastHistory(from, TimeSpan.FromMinutes(1), Enumerable.Repeat(1000.0, n).ToArray()));
        }
    }

    private sealed class RecordingActuator : IFloorActuator
    {
        public List<int?> Floors { get; } = [];

        public ValueTask ApplyAsync(int? floor, FloorActuation actuation, CancellationToken cancellationToken)
        {
            Floors.Add(floor);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class RecordingSink : IDecisionSink
    {
        public List<DecisionRecord> Records { get; } = [];

        public ValueTask WriteAsync(DecisionRecord record, CancellationToken cancellationToken)
        {
            Records.Add(record);
            return ValueTask.CompletedTask;
        }
    }
}
