using Autoscaler.MetricsAdapter.Grpc;
using Autoscaler.MetricsAdapter.Keda.Protocol;
using Autoscaler.MetricsAdapter.Providers;

namespace Autoscaler.MetricsAdapter.Keda;

/// <summary>
/// KEDA's <c>externalscaler.ExternalScaler</c> on the gRPC port, answering from the same metric sources the
/// HPA reads (push, Prometheus). A missing, stale or empty value is NOT_FOUND and an outage UNAVAILABLE:
/// KEDA then marks the scaler failing (and applies its fallback) instead of seeing a zero.
/// </summary>
internal sealed class KedaExternalScalerService : IGrpcService
{
    private const string Prefix = "/externalscaler.ExternalScaler/";
    private readonly CompositeMetricsProvider _metrics;

    public KedaExternalScalerService(
        IEnumerable<IExternalMetricsProvider> external, IEnumerable<ICustomMetricsProvider> custom, IEnumerable<IMetricSourceHealth> health)
    {
        _metrics = new CompositeMetricsProvider(external, custom, health);
    }

    public string ServiceName => "externalscaler.ExternalScaler";

    public IEnumerable<GrpcMethod> Methods()
    {
        yield return GrpcMethod.Unary<ScaledObjectRef, GetMetricSpecResponse>(Prefix + "GetMetricSpec", ScaledObjectRef.Parser, (request, _) =>
        {
            var metadata = ScalerMetadata.Parse(request.ScalerMetadata);
            var spec = new MetricSpec
            {
                MetricName = metadata.MetricName,
                TargetSizeFloat = metadata.TargetValue,
                TargetSize = (long)Math.Round(metadata.TargetValue, MidpointRounding.AwayFromZero),
            };
            return Task.FromResult(new GetMetricSpecResponse { MetricSpecs = { spec } });
        });
        yield return GrpcMethod.Unary<GetMetricsRequest, GetMetricsResponse>(Prefix + "GetMetrics", GetMetricsRequest.Parser, async (request, call) =>
        {
            var reference = request.ScaledObjectRef ?? throw new GrpcException(GrpcStatusCode.InvalidArgument, "scaledObjectRef: required");
            var metadata = ScalerMetadata.Parse(reference.ScalerMetadata);
            var value = await ValueAsync(reference.Namespace, metadata, call.CancellationToken).ConfigureAwait(false);
            return new GetMetricsResponse
            {
                MetricValues = { new MetricValue { MetricName = metadata.MetricName, MetricValueFloat = value, MetricValue_ = (long)Math.Round(value, MidpointRounding.AwayFromZero) } },
            };
        });
        yield return GrpcMethod.Unary<ScaledObjectRef, IsActiveResponse>(Prefix + "IsActive", ScaledObjectRef.Parser, async (request, call) =>
        {
            var metadata = ScalerMetadata.Parse(request.ScalerMetadata);
            var value = await ValueAsync(request.Namespace, metadata, call.CancellationToken).ConfigureAwait(false);
            return new IsActiveResponse { Result = value > metadata.ActivationValue };
        });
        // StreamIsActive serves only `external-push` triggers; KEDA stops calling it after UNIMPLEMENTED.
    }

    /// <summary>The sum over matching series (what the HPA would add up).</summary>
    private async Task<double> ValueAsync(string ns, ScalerMetadata metadata, CancellationToken cancellationToken)
    {
        var result = await _metrics.GetExternalMetricAsync(new ExternalMetricQuery(ns, metadata.MetricName, metadata.Selector), cancellationToken).ConfigureAwait(false);
        if (result.Error is { } error)
        {
            throw new GrpcException(error.Kind switch
            {
                MetricErrorKind.SourceUnavailable => GrpcStatusCode.Unavailable,
                MetricErrorKind.Timeout => GrpcStatusCode.DeadlineExceeded,
                MetricErrorKind.BadRequest => GrpcStatusCode.InvalidArgument,
                MetricErrorKind.Configuration => GrpcStatusCode.FailedPrecondition,
                _ => GrpcStatusCode.NotFound,
            }, error.Message);
        }

        return result.Value.Sum(v => v.Value.ToDouble());
    }
}
