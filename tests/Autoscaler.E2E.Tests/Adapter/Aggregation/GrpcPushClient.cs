using Autoscaler.MetricsAdapter.Sources.Push.Protocol;
using Grpc.Core;
using Grpc.Net.Client;

namespace Autoscaler.E2E.Tests.Adapter.Aggregation;

/// <summary>Seeds the push source over cleartext HTTP/2 with the generated client (Grpc.Net.Client), sending
/// <c>Authorization: Bearer</c> when given a token.</summary>
internal sealed class GrpcPushClient(int port, string? bearerToken = null) : IDisposable
{
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");

    public async Task<uint> PushAsync(string ns, string name, IReadOnlyDictionary<string, string> labels, double value)
    {
        var (status, message, accepted) = await TryPushAsync(ns, name, labels, value);
        return status == "0" && accepted is { } count ? count : throw new InvalidOperationException($"push failed: grpc-status {status}: {message}");
    }

    /// <summary>Pushes one sample; returns the grpc-status number as text, the status detail and, on success, the accepted count.</summary>
    public async Task<(string Status, string Message, uint? Accepted)> TryPushAsync(string ns, string name, IReadOnlyDictionary<string, string> labels, double value)
    {
        var request = new PushRequest { Namespace = ns };
        var sample = new Sample { Name = name, Value = value, TimestampUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() };
        foreach (var (k, v) in labels)
        {
            sample.Labels[k] = v;
        }

        request.Samples.Add(sample);
        return await TrySendAsync(request);
    }

    /// <summary>Pushes a whole batch; returns the grpc-status number as text, the status detail and, on success, the accepted count.</summary>
    public async Task<(string Status, string Message, uint? Accepted)> TrySendAsync(PushRequest request)
    {
        var headers = new Metadata();
        if (bearerToken is not null)
        {
            headers.Add("authorization", "Bearer " + bearerToken);
        }

        try
        {
            var reply = await new MetricsPush.MetricsPushClient(_channel).PushAsync(request, headers, deadline: DateTime.UtcNow.AddSeconds(30));
            return ("0", string.Empty, reply.Accepted);
        }
        catch (RpcException ex)
        {
            return (((int)ex.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Status.Detail, null);
        }
    }

    public void Dispose() => _channel.Dispose();
}
