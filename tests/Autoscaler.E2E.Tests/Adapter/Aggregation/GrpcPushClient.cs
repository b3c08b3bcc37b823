using Autoscaler.MetricsAdapter.Sources.Push.Protocol;
using Grpc.Net.Client;

namespace Autoscaler.E2E.Tests.Adapter.Aggregation;

/// <summary>Seeds the push source over cleartext HTTP/2 with the generated client (Grpc.Net.Client).</summary>
internal sealed class GrpcPushClient(int port) : IDisposable
{
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");

    public async Task<uint> PushAsync(string ns, string name, IReadOnlyDictionary<string, string> labels, double value)
    {
        var request = new PushRequest { Namespace = ns };
        var sample = new Sample { Name = name, Value = value, TimestampUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() };
        foreach (var (k, v) in labels)
        {
            sample.Labels[k] = v;
        }

        request.Samples.Add(sample);
        var reply = await new MetricsPush.MetricsPushClient(_channel).PushAsync(request, deadline: DateTime.UtcNow.AddSeconds(30));
        return reply.Accepted;
    }

    public void Dispose() => _channel.Dispose();
}
