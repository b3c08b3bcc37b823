using Autoscaler.Calendar.Feeds;
using Autoscaler.Fuzzing;
using Xunit.Abstractions;

namespace Autoscaler.Calendar.Tests.Feeds;

/// <summary>
/// Hostile .ics files through the calendar's import (issue #15), seeded: <see cref="IcalImport.Read"/> returns drafts or
/// null with a reason (the endpoint's 422), never throws (a 500), and expands recurring events within its bounds.
/// </summary>
public sealed class IcalImportFuzzTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    private static readonly string[] Corpus =
    [
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:1@test\r\nSUMMARY:Summer sale\r\nDTSTART;TZID=Europe/Paris:20270601T090000\r\nDTEND;TZID=Europe/Paris:20270601T180000\r\nDESCRIPTION:marketing\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:2@test\r\nSUMMARY:Launch\r\nDTSTART:20270701T100000Z\r\nDTEND:20270701T120000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:r@t\r\nSUMMARY:Weekly promo\r\nDTSTART;TZID=Europe/Paris:20261204T180000\r\nDURATION:PT2H\r\nRRULE:FREQ=WEEKLY;BYDAY=FR;COUNT=20\r\nEXDATE;TZID=Europe/Paris:20261225T180000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:d@t\r\nSUMMARY:Daily\r\nDTSTART:20261201T080000Z\r\nDTEND:20261201T090000Z\r\nRRULE:FREQ=DAILY;INTERVAL=2;UNTIL=20270301T000000Z\r\nRDATE:20261215T080000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:a@t\r\nDTSTART;VALUE=DATE:20270101\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    ];

    private static readonly string[] Tokens =
    [
        "RRULE:FREQ=SECONDLY\r\n", "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30\r\n", "RRULE:FREQ=MINUTELY;INTERVAL=0\r\n", "RRULE:FREQ=DAILY;COUNT=-1\r\n",
        "RRULE:FREQ=WEEKLY;BYDAY=XX\r\n", "DTSTART:99991231T235959Z\r\n", "DTSTART:00010101T000000Z\r\n", "DTEND:00010101T000000Z\r\n", "DURATION:P99999999W\r\n",
        "DURATION:-PT1H\r\n", "TZID=Mars/Olympus", "BEGIN:VEVENT\r\n", "END:VEVENT\r\n", "BEGIN:VCALENDAR\r\n", "END:VCALENDAR\r\n", "BEGIN:VTIMEZONE\r\n", ";VALUE=DATE", "\r\n ",
        "EXDATE:", "RDATE;VALUE=PERIOD:20261201T000000Z/PT1H\r\n",
    ];

    [Fact]
    public void Seed_0x150a01_1500_hostile_ics_files_give_drafts_or_a_reason_and_never_throw()
    {
        var mutator = new SeededMutator(0x15_0a01, Corpus, Tokens);
        var (drafts, refused) = (0, 0);
        FuzzRun.Cases(mutator, 1_500, text =>
        {
            var result = IcalImport.Read(text, Now, out var error);
            if (result is null)
            {
                refused++;
                Assert.False(string.IsNullOrWhiteSpace(error));
                return;
            }

            drafts++;
            Assert.True(result.Count <= 10_000, $"{result.Count} drafts");
        }, _ => false, output, "ics import");
        output.WriteLine($"ics import: {drafts} read, {refused} refused with a reason");
        Assert.True(drafts > 100 && refused > 10, $"{drafts} read, {refused} refused");
    }

    [Fact]
    public void A_vevent_with_an_unknown_tzid_is_a_reason_naming_the_event_not_an_exception()
    {
        // Seed 0x150a01, case 30: DTEND;TZID=Europe/PaDDD...ris threw ArgumentException out of the import (a 500).
        var ics = Corpus[0].Replace("DTEND;TZID=Europe/Paris", "DTEND;TZID=Europe/PaDDDris", StringComparison.Ordinal);
        Assert.Null(IcalImport.Read(ics, Now, out var error));
        Assert.StartsWith("VEVENT 1 (1@test): ", error, StringComparison.Ordinal);
        Assert.Contains("Europe/PaDDDris", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30")] // never occurs
    [InlineData("RRULE:FREQ=SECONDLY")] // occurs every second: bounded by MaxOccurrences
    public void Recurrences_that_never_or_always_occur_stay_within_the_bounds(string rrule)
    {
        var ics = $"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:x@t\r\nDTSTART:20261201T080000Z\r\nDTEND:20261201T090000Z\r\n{rrule}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        var drafts = IcalImport.Read(ics, Now, out var error);
        Assert.True(drafts is not null, error);
        Assert.InRange(drafts.Count, 0, IcalImport.MaxOccurrences);
    }
}
