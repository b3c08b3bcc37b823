using Autoscaler.Calendar.Cluster;
using Autoscaler.Calendar.Preview;
using Autoscaler.Core.Control;
using Autoscaler.Core.Forecasting;

namespace Autoscaler.Calendar.Tests.Fakes;

/// <summary>The load of <paramref name="load"/> plus a ready-replica history on a 1-minute grid: <paramref name="steps"/> are (from, replicas from then on), the first holding before it too.</summary>
public sealed class ReplicaHistory(IHistorySourceFactory load, params (DateTimeOffset From, double Replicas)[] steps) : IHistorySourceFactory, IHistorySource
{
    public IHistorySource? For(Workload workload, out string why) => load.For(workload, out why);

    public IHistorySource? ReplicasFor(Workload workload, out string why)
    {
        why = string.Empty;
        return this;
    }

    public ValueTask<ForecastHistory?> GetHistoryAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(from.UtcTicks / TimeSpan.TicksPerMinute * TimeSpan.TicksPerMinute, TimeSpan.Zero);
        var values = new List<double>();
        for (var t = start; t < to; t += TimeSpan.FromMinutes(1))
        {
            values.Add(steps.LastOrDefault(s => s.From <= t, steps[0]).Replicas);
        }

        return ValueTask.FromResult<ForecastHistory?>(new ForecastHistory(start, TimeSpan.FromMinutes(1), values.ToArray()));
    }
}
