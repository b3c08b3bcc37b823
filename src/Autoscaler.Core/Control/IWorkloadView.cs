namespace Autoscaler.Core.Control;

/// <summary>What a pre-scale step reads about the scaled workload and its HPA each step.</summary>
public interface IWorkloadView
{
    /// <summary>The HPA's own bounds (minReplicas as configured by its owner, not as raised by a floor) and current replicas.</summary>
    ValueTask<WorkloadSnapshot> ReadAsync(CancellationToken cancellationToken);
}
