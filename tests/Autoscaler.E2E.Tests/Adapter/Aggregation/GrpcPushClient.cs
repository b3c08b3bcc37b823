using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Autoscaler.MetricsAdapter.Keda.Protocol;
using Autoscaler.MetricsAdapter.Sources.Push.Protocol;
using Grpc.Core;
using Grpc.Net.Client;

namespace Autoscaler.E2E.Tests.Adapter.Aggregation;

/// <summary>Seeds the push source with the generated client (Grpc.Net.Client) on 127.0.0.1, sending
/// <c>Authorization: Bearer</c> when given a token: over TLS when given the adapter's serving certificate (trusted by
/// pinning it exactly, since the certificate names the Service and not 127.0.0.1), presenting
/// <paramref name="clientCertificate"/> if any; else over cleartext HTTP/2 (a loopback listener without a certificate file).</summary>
internal sealed class GrpcPushClient(int port, string? bearerToken = null, X509Certificate2? serverCertificate = null, X509Certificate2? clientCertificate = null) : IDisposable
{
    private readonly GrpcChannel _channel = serverCertificate is null
        ? GrpcChannel.ForAddress($"http://127.0.0.1:{port}")
        : GrpcChannel.ForAddress($"https://127.0.0.1:{port}", new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions
                {
                    ClientCertificates = clientCertificate is null ? null : [clientCertificate],
                    RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == serverCertificate.GetCertHashString(),
                },
            },
        });

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

    /// <summary>KEDA's <c>GetMetrics</c> on the same port, as a KEDA trigger with <c>metricName</c>, <c>labelSelector</c>
    /// and <c>targetValue</c> asks it; returns the grpc-status number as text, the status detail and, on success, the value.</summary>
    public async Task<(string Status, string Message, double? Value)> TryKedaGetMetricsAsync(string ns, string metricName, string labelSelector)
    {
        var reference = new ScaledObjectRef { Name = "worker", Namespace = ns };
        reference.ScalerMetadata.Add(new Dictionary<string, string> { ["metricName"] = metricName, ["labelSelector"] = labelSelector, ["targetValue"] = "5" });
        var headers = new Metadata();
        if (bearerToken is not null)
        {
            headers.Add("authorization", "Bearer " + bearerToken);
        }

        try
        {
            var reply = await new ExternalScaler.ExternalScalerClient(_channel).GetMetricsAsync(
                new GetMetricsRequest { ScaledObjectRef = reference, MetricName = metricName }, headers, DateTime.UtcNow.AddSeconds(30));
            return ("0", string.Empty, reply.MetricValues.Single().MetricValueFloat);
        }
        catch (RpcException ex)
        {
            return (((int)ex.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture), ex.Status.Detail, null);
        }
    }

    public void Dispose() => _channel.Dispose();
}
