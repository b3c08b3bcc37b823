using Autoscaler.Core.Forecasting.Events;
using Autoscaler.Fuzzing;
using Autoscaler.Simulator.Tests.Fuzz;
using Xunit.Abstractions;

namespace Autoscaler.Simulator.Tests.Scenarios;

/// <summary>
/// Hostile event files (issue #15), seeded: the calendar CSV parser behind <c>prescale.events</c> never throws; it
/// returns events, or errors each naming the line and saying what is wrong.
/// </summary>
public sealed class EventsFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Seed_0x150501_4000_hostile_event_csvs_parse_or_report_line_errors()
    {
        var mutator = new SeededMutator(0x15_0501, SimulatorCorpus.EventsCsv, ["start_utc", "end_utc", "kind", "expected_multiplier", "description", "kickoff_utc", "series", "\"\"", "\",\"", ";", "\t"]);
        var (withEvents, refused) = (0, 0);
        FuzzRun.Cases(mutator, 4_000, text =>
        {
            var parsed = EventCalendarParser.Parse(new StringReader(text), "events.csv");
            if (parsed.Succeeded)
            {
                withEvents++;
                Assert.All(parsed.Events!, e => Assert.True(e.End > e.Start && e.Kind.Length > 0, $"{e.Start:O}..{e.End:O} '{e.Kind}'"));
                return;
            }

            refused++;
            Assert.NotEmpty(parsed.Diagnostics);
            Assert.All(parsed.Diagnostics.Where(d => d.Severity == Core.TimeSeries.DiagnosticSeverity.Error), d => Assert.False(string.IsNullOrWhiteSpace(d.Message)));
        }, _ => false, output, "events csv");
        output.WriteLine($"events csv: {withEvents} parsed with events, {refused} refused with line errors");
        Assert.True(withEvents > 100 && refused > 100, $"{withEvents} with events, {refused} refused");
    }
}
