using System.Globalization;
using Autoscaler.E2E.Tests.Fixtures;

namespace Autoscaler.E2E.Tests.Adapter;

/// <summary>A tiny application exposing a queue-length gauge in Prometheus text format on loopback.</summary>
internal sealed class DemoQueueApp : IAsyncDisposable
{
    private MetricsEndpoint _endpoint = null!;
    private long _queueLengthBits = BitConverter.DoubleToInt64Bits(0);

    private DemoQueueApp()
    {
    }

    public int Port => _endpoint.Port;

    public double QueueLength
    {
        get => BitConverter.Int64BitsToDouble(Interlocked.Read(ref _queueLengthBits));
        set => Interlocked.Exchange(ref _queueLengthBits, BitConverter.DoubleToInt64Bits(value));
    }

    public static async Task<DemoQueueApp> StartAsync()
    {
        var demo = new DemoQueueApp();
        demo._endpoint = await MetricsEndpoint.StartAsync(() =>
            "# HELP queue_length Messages waiting in the queue.\n# TYPE queue_length gauge\n" +
            $"queue_length{{queue=\"orders\"}} {demo.QueueLength.ToString(CultureInfo.InvariantCulture)}\n");
        return demo;
    }

    public ValueTask DisposeAsync() => _endpoint.DisposeAsync();
}
