using Autoscaler.Calendar.Cluster;
using Autoscaler.Calendar.Preview;
using Autoscaler.Core.Control;
using Autoscaler.Core.Forecasting;

namespace Autoscaler.Calendar.Tests.Fakes;

/// <summary>A daily-cycle load (base ± amplitude) on a 5-minute grid, for every HPA; honours the "strictly before to" rule.</summary>
public sealed class InMemoryHistory(double baseLoad, double amplitude) : IHistorySourceFactory, IHistorySource
{
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    public IHistorySource? For(Workload workload, out string why)
    {
        why = string.Empty;
        return this;
    }

    public ValueTask<ForecastHistory?> GetHistoryAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(from.UtcTicks / Step.Ticks * Step.Ticks, TimeSpan.Zero);
        var values = new List<double>();
        for (var t = start; t < to; t += Step)
        {
            values.Add(baseLoad + (amplitude * Math.Sin(2 * Math.PI * t.TimeOfDay.TotalHours / 24)));
        }

        return ValueTask.FromResult<ForecastHistory?>(new ForecastHistory(start, Step, values.ToArray()));
    }
}
