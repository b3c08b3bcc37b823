using Autoscaler.Core.Forecasting;
using Autoscaler.Core.Planning.Outcomes;

namespace Autoscaler.Core.Tests.Planning.Outcomes;

/// <summary>Event 12:00-14:00Z, load 600 throughout on a 5-minute grid, 100 per replica: 6 replicas carry it.</summary>
public sealed class OutcomeMeterTests
{
    private static readonly DateTimeOffset Day = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Start = Day.AddHours(12);
    private static readonly DateTimeOffset End = Day.AddHours(14);
    private static readonly ForecastHistory Load = Grid(Day.AddHours(11), TimeSpan.FromMinutes(5), 3 * 12, _ => 600);

    private static ForecastHistory Grid(DateTimeOffset from, TimeSpan step, int count, Func<DateTimeOffset, double> value) =>
        new(from, step, Enumerable.Range(0, count).Select(i => value(from + (step * i))).ToArray());

    /// <summary>Ready replicas on a 1-minute grid from 11:00: <paramref name="steps"/> are (minute of the day, replicas from then on).</summary>
    private static ForecastHistory Ready(params (int Minute, double Replicas)[] steps) =>
        Grid(Day.AddHours(11), TimeSpan.FromMinutes(1), 180, t => steps.Last(s => s.Minute <= t.TimeOfDay.TotalMinutes).Replicas);

    [Fact]
    public void Capacity_that_arrives_after_the_start_counts_the_overloaded_minutes_and_the_time_to_capacity()
    {
        // Floor 8 raised at 11:40; 4 ready at 11:45, 6 at 12:10, 8 at 12:20.
        var ready = Ready((0, 2), (11 * 60 + 45, 4), (12 * 60 + 10, 6), (12 * 60 + 20, 8));
        var outcome = OutcomeMeter.Measure(Load, ready, 100, Start, End, 8, Day.AddHours(11).AddMinutes(40))!;
        Assert.Equal(10, outcome.OverloadedMinutes); // the 12:00 and 12:05 samples: 600 > 4 x 100
        Assert.Equal(TimeSpan.FromMinutes(10), outcome.TimeToCapacity);
        Assert.True(outcome.CapacityReached);
        Assert.Equal(Day.AddHours(12).AddMinutes(20), outcome.FloorReadyAt);
    }

    [Fact]
    public void Capacity_ready_before_the_start_is_zero_time_to_capacity()
    {
        var ready = Ready((0, 2), (11 * 60 + 51, 8));
        var outcome = OutcomeMeter.Measure(Load, ready, 100, Start, End, 8, Day.AddHours(11).AddMinutes(45))!;
        Assert.Equal(0, outcome.OverloadedMinutes);
        Assert.Equal(TimeSpan.Zero, outcome.TimeToCapacity);
        Assert.Equal(Day.AddHours(11).AddMinutes(51), outcome.FloorReadyAt);
    }

    [Fact]
    public void Capacity_never_reached_is_the_whole_window_and_no_ready_time()
    {
        var ready = Ready((0, 5));
        var outcome = OutcomeMeter.Measure(Load, ready, 100, Start, End, 8, null)!;
        Assert.Equal(120, outcome.OverloadedMinutes);
        Assert.Equal(TimeSpan.FromHours(2), outcome.TimeToCapacity);
        Assert.False(outcome.CapacityReached);
        Assert.Null(outcome.FloorReadyAt);
    }

    [Fact]
    public void Missing_replica_samples_hold_the_last_one_and_none_at_the_start_is_no_measurement()
    {
        var gappy = Grid(Day.AddHours(11), TimeSpan.FromMinutes(1), 180, t => t.TimeOfDay.TotalMinutes switch
        {
            < 11 * 60 + 50 => 3,
            11 * 60 + 50 => 6,
            _ => double.NaN,
        });
        Assert.Equal(TimeSpan.Zero, OutcomeMeter.Measure(Load, gappy, 100, Start, End, 6, null)!.TimeToCapacity);
        var late = Grid(Day.AddHours(12).AddMinutes(30), TimeSpan.FromMinutes(1), 60, _ => 8);
        Assert.Null(OutcomeMeter.Measure(Load, late, 100, Start, End, 8, null));
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OutcomeMeter.Measure(Load, Load, 0, Start, End, null, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => OutcomeMeter.Measure(Load, Load, 100, End, Start, null, null));
    }
}
