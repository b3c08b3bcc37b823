using Autoscaler.Core.Planning;
using Autoscaler.Core.Planning.Calendar;

namespace Autoscaler.Core.Tests.Planning.Calendar;

public sealed class EventSeriesTests
{
    private static readonly DateTimeOffset FirstStart = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static EventSeries Daily(DateTimeOffset? until)
    {
        // First window on 1 December 12:00-13:00 UTC, then every day at 12:00.
        var window = RecurringWindow.TryCreate("0 12 * * *", "UTC", TimeSpan.FromHours(1), "sale", ExpectedLoad.Floor(4), null, out _)!;
        return new EventSeries(new PlannedEvent(FirstStart, FirstStart.AddHours(1), "sale", ExpectedLoad.Floor(4)), window, until);
    }

    [Fact]
    public void First_window_then_repetitions_after_it_and_none_starting_after_until()
    {
        var series = Daily(until: FirstStart.AddDays(3));

        var starts = series.Occurrences(FirstStart.AddDays(-5), FirstStart.AddDays(10)).Select(o => o.Start).ToList();

        // None before the first (the cron also fires on 26-30 November), the first once, then 2, 3 and 4 December (until is 4 December 12:00).
        Assert.Equal([FirstStart, FirstStart.AddDays(1), FirstStart.AddDays(2), FirstStart.AddDays(3)], starts);
    }

    [Fact]
    public void A_range_after_the_first_window_holds_only_repetitions_in_it()
    {
        var series = Daily(until: null);

        var starts = series.Occurrences(FirstStart.AddDays(5).AddHours(-1), FirstStart.AddDays(6).AddHours(-1)).Select(o => o.Start).ToList();

        Assert.Equal([FirstStart.AddDays(5)], starts);
    }

    [Fact]
    public void A_one_off_event_has_its_first_window_only_when_the_range_overlaps_it()
    {
        var series = new EventSeries(new PlannedEvent(FirstStart, FirstStart.AddHours(1), "launch", null));

        Assert.Single(series.Occurrences(FirstStart.AddMinutes(30), FirstStart.AddDays(1)));
        Assert.Empty(series.Occurrences(FirstStart.AddHours(1), FirstStart.AddDays(1)));
    }
}
