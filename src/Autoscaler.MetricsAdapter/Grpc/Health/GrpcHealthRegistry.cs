using System.Collections.Concurrent;
using Autoscaler.MetricsAdapter.Grpc.Health.Protocol;
using ServingStatus = Autoscaler.MetricsAdapter.Grpc.Health.Protocol.HealthCheckResponse.Types.ServingStatus;

namespace Autoscaler.MetricsAdapter.Grpc.Health;

/// <summary>Serving status per gRPC service name (<c>""</c> is the whole server), with change notification for Watch.</summary>
internal sealed class GrpcHealthRegistry
{
    private readonly ConcurrentDictionary<string, ServingStatus> _statuses = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public GrpcHealthRegistry()
    {
        _statuses[string.Empty] = ServingStatus.Serving;
    }

    /// <summary>Null when the name was never registered.</summary>
    public ServingStatus? Get(string service) => _statuses.TryGetValue(service, out var status) ? status : null;

    public void Set(string service, ServingStatus status)
    {
        var previous = _statuses.TryGetValue(service, out var old) ? old : (ServingStatus?)null;
        _statuses[service] = status;
        if (previous != status)
        {
            Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    /// <summary>Completes on the next change of any status.</summary>
    public Task NextChange => Volatile.Read(ref _changed).Task;

    public HealthCheckResponse Response(string service) =>
        new() { Status = Get(service) ?? ServingStatus.ServiceUnknown };
}
