using Autoscaler.Core.Forecasting;
using Autoscaler.Core.Forecasting.Events;

namespace Autoscaler.Core.Tests.Forecasting.Events;

public sealed class EventUpliftTests
{
    private const int Day = 24 * 4; // 15-minute grid
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(15);

    /// <summary>A sale every other day at 12:00 for two hours: ramp an hour before, triple load inside.</summary>
    private static (double[] Values, List<ScheduledEvent> Events) SalesSeries()
    {
        var events = new List<ScheduledEvent>();
        var uplift = new double[Day * 40];
        Array.Fill(uplift, 1.0);
        for (var d = 1; d < 40; d += 2)
        {
            var start = (d * Day) + 48;
            events.Add(new ScheduledEvent(Synthetic.Epoch + (Step * start), Synthetic.Epoch + (Step * (start + 8)), "sale"));
            for (var i = start - 4; i < start; i++)
            {
                uplift[i] = 1.5;
            }

            for (var i = start; i < start + 8; i++)
            {
                uplift[i] = 3.0;
            }
        }

        var random = new Random(3);
        var values = Synthetic.Generate(Day * 40, i => uplift[i] * (200 + (50 * Math.Sin(2 * Math.PI * i / Day)) + (3 * Synthetic.Gaussian(random))));
        return (values, events);
    }

    [Fact]
    public void LearnsTheUpliftOfPastOccurrencesAndAppliesItToTheNextOne()
    {
        var (y, events) = SalesSeries();
        var origin = (29 * Day) + 48 - 6; // 90 minutes before the sale of day 29
        var history = Synthetic.History(y, origin, Step);
        var forecaster = Synthetic.Forecaster("seasonal-profile");

        var with = forecaster.Forecast(new ForecastRequest(history, 12, events));
        var without = forecaster.Forecast(new ForecastRequest(history, 12));

        for (var h = 6; h < 12; h++)
        {
            Assert.InRange(with.P50[h] / y[origin + h], 0.9, 1.1);
            Assert.True(y[origin + h] > without.P90[h], "without the calendar the sale is an under-forecast");
        }

        Assert.InRange(with.P50[0] / y[origin], 0.9, 1.1);
    }

    [Fact]
    public void WithoutPastOccurrencesTheExpectedMultiplierApplies()
    {
        var y = Synthetic.Generate(Day * 20, i => 100 + (20 * Math.Sin(2 * Math.PI * i / Day)));
        var origin = Day * 15;
        var launch = new ScheduledEvent(Synthetic.Epoch + (Step * (origin + 4)), Synthetic.Epoch + (Step * (origin + 8)), "launch", 2.5);
        var forecaster = Synthetic.Forecaster("seasonal-naive:1d");

        var forecast = forecaster.Forecast(new ForecastRequest(Synthetic.History(y, origin, Step), 10, [launch]));

        for (var h = 0; h < 10; h++)
        {
            var expected = h is >= 4 and < 8 ? 2.5 * y[origin + h] : y[origin + h];
            Assert.Equal(expected, forecast.P50[h], 6);
        }
    }
}
