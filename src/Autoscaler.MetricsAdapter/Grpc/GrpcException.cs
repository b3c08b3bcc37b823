namespace Autoscaler.MetricsAdapter.Grpc;

/// <summary>Ends a call with a non-OK status; the dispatcher turns it into <c>grpc-status</c>/<c>grpc-message</c>.</summary>
internal sealed class GrpcException(GrpcStatusCode status, string detail) : Exception(detail)
{
    public GrpcStatusCode Status { get; } = status;
}
