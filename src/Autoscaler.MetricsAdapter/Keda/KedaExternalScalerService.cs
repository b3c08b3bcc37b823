using Autoscaler.MetricsAdapter.Keda.Protocol;
using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.MetricsAdapter.Sources.Push.Authorization;
using Grpc.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Autoscaler.MetricsAdapter.Keda;

/// <summary>
/// KEDA's <c>externalscaler.ExternalScaler</c> (generated base) on the gRPC port, answering from the same metric
/// sources the HPA reads (push, Prometheus). A missing, stale or empty value is NOT_FOUND and an outage UNAVAILABLE:
/// KEDA then marks the scaler failing (and applies its fallback) instead of seeing a zero. Every call is first
/// authorized as a read of its metric (<see cref="KedaReadAuthorizer"/>): UNAUTHENTICATED, PERMISSION_DENIED or
/// UNAVAILABLE otherwise, before anything is read.
/// </summary>
internal sealed class KedaExternalScalerService : ExternalScaler.ExternalScalerBase
{
    /// <summary>Fully-qualified service name, as registered with the health service.</summary>
    public const string Name = "externalscaler.ExternalScaler";

    private readonly CompositeMetricsProvider _metrics;
    private readonly KedaOptions _options;
    private readonly TimeProvider _time;
    private readonly CancellationToken _stopping;
    private readonly KedaReadAuthorizer _authorizer;

    public KedaExternalScalerService(
        IEnumerable<IExternalMetricsProvider> external,
        IEnumerable<ICustomMetricsProvider> custom,
        IEnumerable<IMetricSourceHealth> health,
        IOptions<KedaOptions> options,
        TimeProvider time,
        KedaReadAuthorizer authorizer,
        IHostApplicationLifetime? lifetime = null)
    {
        _authorizer = authorizer;
        _metrics = new CompositeMetricsProvider(external, custom, health);
        _options = options.Value;
        _time = time;
        _stopping = lifetime?.ApplicationStopping ?? CancellationToken.None;
    }

    /// <summary>The trigger's metric and target, in both the float and the (rounded) int64 field.</summary>
    public override async Task<GetMetricSpecResponse> GetMetricSpec(ScaledObjectRef request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var metadata = ScalerMetadata.Parse(request.ScalerMetadata);
        await AuthorizeAsync(context, request.Namespace, metadata, context.CancellationToken).ConfigureAwait(false);
        var spec = new MetricSpec
        {
            MetricName = metadata.MetricName,
            TargetSizeFloat = metadata.TargetValue,
            TargetSize = (long)Math.Round(metadata.TargetValue, MidpointRounding.AwayFromZero),
        };
        return new GetMetricSpecResponse { MetricSpecs = { spec } };
    }

    /// <summary>The current value (sum over matching series), in both fields.</summary>
    public override async Task<GetMetricsResponse> GetMetrics(GetMetricsRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reference = request.ScaledObjectRef ?? throw new RpcException(new Status(StatusCode.InvalidArgument, "scaledObjectRef: required"));
        var metadata = ScalerMetadata.Parse(reference.ScalerMetadata);
        await AuthorizeAsync(context, reference.Namespace, metadata, context.CancellationToken).ConfigureAwait(false);
        var value = await ValueAsync(reference.Namespace, metadata, context.CancellationToken).ConfigureAwait(false);
        return new GetMetricsResponse
        {
            MetricValues = { new MetricValue { MetricName = metadata.MetricName, MetricValueFloat = value, MetricValue_ = (long)Math.Round(value, MidpointRounding.AwayFromZero) } },
        };
    }

    /// <summary>True when the value is above <c>activationValue</c>.</summary>
    public override async Task<IsActiveResponse> IsActive(ScaledObjectRef request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var metadata = ScalerMetadata.Parse(request.ScalerMetadata);
        await AuthorizeAsync(context, request.Namespace, metadata, context.CancellationToken).ConfigureAwait(false);
        return new IsActiveResponse { Result = await IsActiveAsync(request.Namespace, metadata, context.CancellationToken).ConfigureAwait(false) };
    }

    /// <summary>
    /// For <c>external-push</c> triggers: sends the current activity at once, then re-reads the metric every
    /// <see cref="KedaOptions.StreamIsActiveInterval"/> and sends each change. A read error ends the stream with the
    /// same status IsActive would give (KEDA reopens it); the host stopping ends it with OK. The caller is authorized
    /// before every read (through the review caches), so a revoked grant ends the stream with PERMISSION_DENIED.
    /// </summary>
    public override async Task StreamIsActive(ScaledObjectRef request, IServerStreamWriter<IsActiveResponse> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(responseStream);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = ScalerMetadata.Parse(request.ScalerMetadata);
        using var stream = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, _stopping);
        bool? sent = null;
        try
        {
            while (true)
            {
                await AuthorizeAsync(context, request.Namespace, metadata, stream.Token).ConfigureAwait(false);
                var active = await IsActiveAsync(request.Namespace, metadata, stream.Token).ConfigureAwait(false);
                if (active != sent)
                {
                    await responseStream.WriteAsync(new IsActiveResponse { Result = active }, stream.Token).ConfigureAwait(false);
                    sent = active;
                }

                await Task.Delay(_options.StreamIsActiveInterval, _time, stream.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            // Shutdown: end with OK rather than hold the host until the client hangs up.
        }
    }

    /// <summary>Throws UNAUTHENTICATED, PERMISSION_DENIED or UNAVAILABLE unless the caller may read the metric.</summary>
    private async Task AuthorizeAsync(ServerCallContext context, string ns, ScalerMetadata metadata, CancellationToken cancellationToken)
    {
        if (!_authorizer.Enabled)
        {
            return;
        }

        var access = await _authorizer.AuthorizeAsync(PushCredentials.From(context.GetHttpContext()), ns, metadata.MetricName, cancellationToken).ConfigureAwait(false);
        if (!access.Allowed)
        {
            throw new RpcException(new Status(access.Outcome switch
            {
                PushAccessOutcome.Unauthenticated => StatusCode.Unauthenticated,
                PushAccessOutcome.Denied => StatusCode.PermissionDenied,
                _ => StatusCode.Unavailable,
            }, access.Message));
        }
    }

    private async Task<bool> IsActiveAsync(string ns, ScalerMetadata metadata, CancellationToken cancellationToken) =>
        await ValueAsync(ns, metadata, cancellationToken).ConfigureAwait(false) > metadata.ActivationValue;

    /// <summary>The sum over matching series (what the HPA would add up).</summary>
    private async Task<double> ValueAsync(string ns, ScalerMetadata metadata, CancellationToken cancellationToken)
    {
        var result = await _metrics.GetExternalMetricAsync(new ExternalMetricQuery(ns, metadata.MetricName, metadata.Selector), cancellationToken).ConfigureAwait(false);
        if (result.Error is { } error)
        {
            throw new RpcException(new Status(error.Kind switch
            {
                MetricErrorKind.SourceUnavailable => StatusCode.Unavailable,
                MetricErrorKind.Timeout => StatusCode.DeadlineExceeded,
                MetricErrorKind.BadRequest => StatusCode.InvalidArgument,
                MetricErrorKind.Configuration => StatusCode.FailedPrecondition,
                _ => StatusCode.NotFound,
            }, error.Message));
        }

        return result.Value.Sum(v => v.Value.ToDouble());
    }
}
