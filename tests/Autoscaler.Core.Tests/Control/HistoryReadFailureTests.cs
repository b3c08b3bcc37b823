using Autoscaler.Core.Control;
using Autoscaler.Core.Decisions;
using Autoscaler.Core.Forecasting;
using Autoscaler.Core.Planning;
using Autoscaler.Core.Planning.Calendar;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Core.Tests.Control;

/// <summary>
/// A failed history read is not a fit (issue #11, a new user's trial: <see cref="PreScaleStep"/> recorded the fit time
/// before reading, so a failed read waited for the next hourly refit slot in any host that kept the step). The step keeps
/// what it had, reads again after an exponential backoff (15 s, 30 s, 1 min, ... at most 5 min) and says why.
/// </summary>
public sealed class HistoryReadFailureTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_failed_first_read_is_not_a_fit_and_is_read_again_after_the_backoff()
    {
        var (step, history, actuator, sink, time) = Build();
        history.Failing = true;

        await step.RunOnceAsync();

        Assert.True(step.FitPending);
        Assert.Null(step.NextRefitAt);
        Assert.Equal(1, history.Reads);
        Assert.Empty(actuator.Floors); // nothing released or raised on no forecast
        Assert.Equal(DecisionReason.HistoryUnavailable, sink.Records[^1].Reason);
        Assert.Contains("connection refused", sink.Records[^1].Detail, StringComparison.Ordinal);
        Assert.Equal(new HistoryReadFailure("connection refused", 1, Start, Start.AddSeconds(15)), step.HistoryFailure);

        time.Advance(TimeSpan.FromSeconds(10)); // inside the backoff: no read, no fit due (a host's budget is not asked)
        Assert.False(step.FitDue(time.GetUtcNow()));
        await step.RunOnceAsync();
        Assert.Equal(1, history.Reads);

        time.Advance(TimeSpan.FromSeconds(20)); // the next 30 s pass: read again
        Assert.True(step.FitDue(time.GetUtcNow()));
        await step.RunOnceAsync();
        Assert.Equal(2, history.Reads);
        Assert.Equal(2, step.HistoryFailure!.Failures);
        Assert.Equal(Start, step.HistoryFailure.Since);
        Assert.Equal(time.GetUtcNow().AddSeconds(30), step.HistoryFailure.RetryAt);

        history.Failing = false;
        time.Advance(TimeSpan.FromSeconds(30));
        await step.RunOnceAsync();
        Assert.Equal(3, history.Reads);
        Assert.False(step.FitPending);
        Assert.Null(step.HistoryFailure);
        Assert.Equal([10], actuator.Floors);
        Assert.Equal(DecisionReason.Forecast, sink.Records[^1].Reason);
    }

    [Fact]
    public async Task A_failed_refit_keeps_the_last_forecast_and_retries_before_the_next_slot()
    {
        var (step, history, actuator, sink, time) = Build();
        await step.RunOnceAsync();
        var fitted = step.Forecast;
        var due = step.NextRefitAt!.Value;

        time.SetUtcNow(due);
        history.Failing = true;
        await step.RunOnceAsync();

        Assert.Same(fitted, step.Forecast);
        Assert.Equal(10, actuator.Floors[^1]); // the last good forecast still acts
        Assert.Contains("history read failed: connection refused", sink.Records[^1].Detail, StringComparison.Ordinal);
        Assert.Contains("stays in use", sink.Records[^1].Detail, StringComparison.Ordinal);
        Assert.Equal(due, step.NextRefitAt); // not refitted: the slot is still owed

        history.Failing = false;
        time.Advance(TimeSpan.FromSeconds(30));
        await step.RunOnceAsync();
        Assert.Equal(3, history.Reads); // read again at the next pass, not an hour later
        Assert.Null(step.HistoryFailure);
        Assert.True(step.NextRefitAt > time.GetUtcNow());
    }

    [Fact]
    public async Task An_unreachable_source_is_read_with_a_growing_wait_capped_at_five_minutes()
    {
        var (step, history, _, _, time) = Build();
        history.Failing = true;
        var readsAt = new List<DateTimeOffset>();
        for (var pass = 0; pass < 60; pass++) // 30 minutes of 30 s passes
        {
            var before = history.Reads;
            await step.RunOnceAsync();
            if (history.Reads > before) readsAt.Add(time.GetUtcNow());
            time.Advance(TimeSpan.FromSeconds(30));
        }

        var gaps = readsAt.Zip(readsAt.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        Assert.Equal([30, 30, 60, 120, 240, 300, 300, 300, 300], gaps.Take(9));
        Assert.All(gaps, g => Assert.InRange(g, 30, 300));
        Assert.True(readsAt.Count < 15, $"{readsAt.Count} reads in 30 minutes");
    }

    [Fact]
    public void Backoff_doubles_from_15_seconds_up_to_5_minutes()
    {
        Assert.Equal(TimeSpan.FromSeconds(15), HistoryReadFailure.Backoff(1));
        Assert.Equal(TimeSpan.FromSeconds(30), HistoryReadFailure.Backoff(2));
        Assert.Equal(TimeSpan.FromSeconds(240), HistoryReadFailure.Backoff(5));
        Assert.Equal(TimeSpan.FromMinutes(5), HistoryReadFailure.Backoff(6));
        Assert.Equal(TimeSpan.FromMinutes(5), HistoryReadFailure.Backoff(int.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => HistoryReadFailure.Backoff(0));
    }

    [Fact]
    public async Task Our_own_cancellation_is_not_a_failed_read()
    {
        var (step, history, _, _, _) = Build();
        history.Failing = true;
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        history.Cancel = true;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => step.RunOnceAsync(cancelled.Token).AsTask());
        Assert.Null(step.HistoryFailure);
    }

    private static (PreScaleStep Step, History History, Actuator Actuator, Sink Sink, FakeTimeProvider Time) Build()
    {
        var time = new FakeTimeProvider(Start);
        var history = new History();
        var actuator = new Actuator();
        var sink = new Sink();
        ForecasterCatalog.TryCreate("persistence", out var forecaster, out _);
        var policy = new PreScalePolicy
        {
            Capacity = CapacityModel.ForAverageValue(100),
            LeadTime = LeadTime.Explicit(TimeSpan.FromMinutes(5)),
            Calendar = EventCalendar.Empty,
            Forecaster = forecaster,
            Headroom = 0,
        };
        return (new PreScaleStep(policy, history, new Workload(), actuator, sink, time), history, actuator, sink, time);
    }

    private sealed class Workload : IWorkloadView
    {
        public ValueTask<WorkloadSnapshot> ReadAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new WorkloadSnapshot(2, 50, 3));
    }

    private sealed class History : IHistorySource
    {
        public int Reads { get; private set; }

        public bool Failing { get; set; }

        public bool Cancel { get; set; }

        public ValueTask<ForecastHistory?> GetHistoryAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
        {
            Reads++;
            if (Cancel) cancellationToken.ThrowIfCancellationRequested();
            if (Failing) throw new HttpRequestException("connection refused");
            var grid = HistoryGrid.Covering(from, to, TimeSpan.FromMinutes(1), TimeSpan.Zero);
            return ValueTask.FromResult<ForecastHistory?>(grid.With(Enumerable.Repeat(1000.0, grid.Count).ToArray()));
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
