using Autoscaler.Calendar.Cluster;
using Autoscaler.Calendar.Preview;
using Autoscaler.Core.Control;
using Autoscaler.Core.Forecasting;

namespace Autoscaler.Calendar.Tests.Fakes;

/// <summary>The daily cycle of <see cref="InMemoryHistory"/> multiplied by <paramref name="factor"/> inside [<paramref name="from"/>, <paramref name="to"/>): an event that happened.</summary>
public sealed class EventHistory(DateTimeOffset from, DateTimeOffset to, double factor) : IHistorySourceFactory, IHistorySource
{
    private readonly InMemoryHistory _base = new(400, 200);

    public IHistorySource? For(Workload workload, out string why)
    {
        why = string.Empty;
        return this;
    }

    public async ValueTask<ForecastHistory?> GetHistoryAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var h = (await _base.GetHistoryAsync(start, end, cancellationToken))!;
        var values = h.Values.ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            var t = h.TimeAt(i);
            if (t >= from && t < to) values[i] *= factor;
        }

        return new ForecastHistory(h.Start, h.Step, values);
    }
}
