using Autoscaler.Core.Planning;
using Autoscaler.Core.Planning.Calendar;

namespace Autoscaler.Core.Tests.Planning.Calendar;

public sealed class RecurringWindowTests
{
    [Fact]
    public void CronRunsOnTheLocalWallClockAcrossDst()
    {
        var window = RecurringWindow.TryCreate("0 18 * * FRI", "Europe/Paris", TimeSpan.FromHours(2), "promo", ExpectedLoad.Floor(10), null, out var error)!;
        Assert.Equal(string.Empty, error);
        var from = new DateTimeOffset(2026, 3, 20, 0, 0, 0, TimeSpan.Zero);
        var starts = window.Occurrences(from, from + TimeSpan.FromDays(15)).Select(e => e.Start).ToList();
        // 18:00 Paris: UTC+1 on 20 March (17:00Z), UTC+2 after the 29 March change (16:00Z).
        Assert.Equal([new DateTimeOffset(2026, 3, 20, 17, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 27, 17, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 3, 16, 0, 0, TimeSpan.Zero)], starts);
    }

    [Fact]
    public void OccurrenceInTheGapMovesForward()
    {
        var window = RecurringWindow.TryCreate("30 2 * * *", "Europe/Paris", TimeSpan.FromHours(1), "batch", null, null, out _)!;
        var day = new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero);
        var gapNight = window.Occurrences(day, day + TimeSpan.FromDays(1)).Single();
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), gapNight.Start); // 03:30 CEST
    }

    [Theory]
    [InlineData("not cron", "UTC", "is not a cron expression")]
    [InlineData("0 18 * * FRI", "Nowhere/City", "is not an IANA time zone")]
    public void BadWindowsSayWhy(string cron, string zone, string message)
    {
        Assert.Null(RecurringWindow.TryCreate(cron, zone, TimeSpan.FromHours(1), "k", null, null, out var error));
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void CalendarMergesOneOffAndRecurringInStartOrder()
    {
        var window = RecurringWindow.TryCreate("0 12 * * *", "UTC", TimeSpan.FromHours(1), "noon", null, null, out _)!;
        var from = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var oneOff = new PlannedEvent(from + TimeSpan.FromHours(30), from + TimeSpan.FromHours(31), "sale", null);
        var calendar = new EventCalendar([oneOff], [window]);
        var all = calendar.Occurrences(from, from + TimeSpan.FromDays(2));
        Assert.Equal(["noon", "sale", "noon"], all.Select(e => e.Kind));
    }
}
