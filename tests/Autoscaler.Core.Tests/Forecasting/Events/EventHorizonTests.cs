using Autoscaler.Core.Forecasting;
using Autoscaler.Core.Forecasting.Events;

namespace Autoscaler.Core.Tests.Forecasting.Events;

/// <summary>
/// A longer horizon must not change the leads a shorter one already covers: each lead takes the uplift of the event
/// whose window (start − 1 h .. end + 1 h) holds it. Regression: the forecast used to carry ONE event, the latest
/// whose window touched any lead, so a refit that forecast 15 minutes further (RefitSchedule.DeferralSlack, commit
/// 3aac9b1) handed the leads of a running match to the next match's ramp, and the planner released the running
/// match's floor before its peak (WC98 12:30 matches).
/// </summary>
public sealed class EventHorizonTests
{
    private const int Day = 24 * 4; // 15-minute grid
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(15);

    /// <summary>Every other day two sales of one kind: 12:00-14:00 and 16:00-18:00, triple load inside.</summary>
    private static (double[] Values, List<ScheduledEvent> Events) TwoSalesADay()
    {
        var events = new List<ScheduledEvent>();
        var uplift = new double[Day * 40];
        Array.Fill(uplift, 1.0);
        for (var d = 1; d < 40; d += 2)
        {
            foreach (var start in new[] { (d * Day) + 48, (d * Day) + 64 })
            {
                events.Add(new ScheduledEvent(Synthetic.Epoch + (Step * start), Synthetic.Epoch + (Step * (start + 8)), "sale"));
                for (var i = start; i < start + 8; i++)
                {
                    uplift[i] = 3.0;
                }
            }
        }

        var random = new Random(5);
        var values = Synthetic.Generate(Day * 40, i => uplift[i] * (200 + (50 * Math.Sin(2 * Math.PI * i / Day)) + (3 * Synthetic.Gaussian(random))));
        return (values, events);
    }

    [Fact]
    public void ALongerHorizonReachingTheNextEventLeavesTheRunningEventsLeadsAlone()
    {
        var (y, events) = TwoSalesADay();
        var origin = (29 * Day) + 52; // 13:00 on day 29, inside the 12:00 sale; the 16:00 sale's window opens at 15:00
        var history = Synthetic.History(y, origin, Step);
        var forecaster = Synthetic.Forecaster("seasonal-profile");
        var running = events.Single(e => e.Start == Synthetic.Epoch + (Step * ((29 * Day) + 48)));
        var next = events.Single(e => e.Start == Synthetic.Epoch + (Step * ((29 * Day) + 64)));

        var shorter = forecaster.Forecast(new ForecastRequest(history, 6, events)); // 13:00 .. 14:15
        var longer = forecaster.Forecast(new ForecastRequest(history, 10, events)); // 13:00 .. 15:15

        for (var h = 0; h < 4; h++)
        {
            Assert.Equal(shorter.P50[h], longer.P50[h], 9);
            Assert.Equal(shorter.P90[h], longer.P90[h], 9);
            Assert.InRange(longer.P50[h] / y[origin + h], 0.9, 1.1);
        }

        Assert.True(longer.UpliftFor(running.Kind, running.Start) is { Learned: true }, "the running sale keeps its learned uplift");
        Assert.True(longer.UpliftFor(next.Kind, next.Start) is { Learned: true }, "the next sale's ramp leads carry its own uplift");
        Assert.Equal(running.Start, longer.EventUplift!.Start);
    }

    [Theory]
    [InlineData("13:00", "12:00")] // in progress; the 16:00 sale's window opens at 15:00
    [InlineData("14:40", "12:00")] // after both: 40 min past the first's end, 80 min before the second's start
    [InlineData("15:10", "16:00")] // nearer the second's start (50 min) than the first's end (70 min)
    [InlineData("16:30", "16:00")]
    [InlineData("10:30", null)] // before the first's one-hour ramp
    [InlineData("19:01", null)] // after the second's one-hour tail
    public void EachTargetBelongsToTheEventInProgressElseTheNearest(string at, string? expected)
    {
        var day = new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero);
        DateTimeOffset T(string hhmm) => day + TimeSpan.Parse(hhmm, System.Globalization.CultureInfo.InvariantCulture);
        var events = new List<ScheduledEvent>
        {
            new(T("16:00"), T("18:00"), "sale"),
            new(T("12:00"), T("14:00"), "sale"),
        };

        var governing = EventUplift.Governing(events, T(at), EventUpliftOptions.Default);

        Assert.Equal(expected is null ? null : T(expected), governing?.Start);
    }
}
