using System.Text.Json.Nodes;
using Autoscaler.Controller.Actuation;
using Autoscaler.Controller.Cluster;
using Autoscaler.Controller.Telemetry;
using Autoscaler.Kubernetes.Entities;
using k8s;
using k8s.Autorest;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Controller.Reconciling;

/// <summary>
/// Writes statuses only when a member the controller owns changed (a merge patch of those members; the approval stays
/// the approver's), and records Events on transitions: phase changes, new spec problems, floors raised or released,
/// field-manager conflicts.
/// </summary>
public sealed partial class StatusPublisher
{
    /// <summary>Status members the controller owns on a ScalingEvent.</summary>
    public static readonly string[] EventMembers =
        ["observedGeneration", "phase", "nextStart", "nextEnd", "leadTimeUsed", "leadTimeSource", "targets", "decisions", "conditions"];

    /// <summary>Status members the controller owns on a PredictivePolicy.</summary>
    public static readonly string[] PolicyMembers =
        ["observedGeneration", "effectiveMode", "activeFloor", "recommendedFloor", "originalMinReplicas", "leadTimeUsed", "forecast", "accuracy", "decisions", "conditions"];

    private readonly IClusterWriter _writer;
    private readonly ControllerMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly HistoryOutages _outages;

    /// <summary>Creates the publisher.</summary>
    public StatusPublisher(IClusterWriter writer, ControllerMetrics metrics, ILogger logger, TimeProvider time)
    {
        _writer = writer;
        _metrics = metrics;
        _logger = logger;
        _time = time;
        _outages = new HistoryOutages(logger);
    }

    /// <summary>Publishes a ScalingEvent's status and its transition Events.</summary>
    public async Task PublishAsync(ResolvedEvent resolved, ScalingEventStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        ArgumentNullException.ThrowIfNull(status);
        var resource = resolved.Resource;
        var target = new ObjectRef(AutoscalerApi.ApiVersion, V1Alpha1ScalingEvent.KubeKind, resource.Metadata.NamespaceProperty, resource.Metadata.Name, resource.Metadata.Uid);
        var old = resource.Status;
        if (!await PatchIfChangedAsync(target, old, status, EventMembers, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var problems = string.Join("; ", resolved.Problems);
        var oldValid = old?.Conditions?.FirstOrDefault(c => c.Type == "Valid");
        if (resolved.Problems.Count > 0 && oldValid?.Message != problems)
        {
            await EventAsync(target, true, resolved.Problems[0].Reason, problems, cancellationToken).ConfigureAwait(false);
        }

        if (old?.Phase != status.Phase)
        {
            await EventAsync(target, false, "Phase" + status.Phase, $"phase {old?.Phase ?? "(new)"} -> {status.Phase}" + PhaseDetail(status), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Publishes a PredictivePolicy's status and its transition Events.</summary>
    public async Task PublishAsync(ResolvedPolicy resolved, PredictivePolicyStatus status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        ArgumentNullException.ThrowIfNull(status);
        var resource = resolved.Resource;
        var target = new ObjectRef(AutoscalerApi.ApiVersion, V1Alpha1PredictivePolicy.KubeKind, resource.Metadata.NamespaceProperty, resource.Metadata.Name, resource.Metadata.Uid);
        var old = resource.Status;
        var history = status.Conditions?.FirstOrDefault(c => c.Type == "HistoryAvailable");
        var outage = _outages.Observe(target.Namespace + "/" + target.Name, old?.Conditions?.FirstOrDefault(c => c.Type == "HistoryAvailable"), history, _time.GetUtcNow());
        if (!await PatchIfChangedAsync(target, old, status, PolicyMembers, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (outage != HistoryOutages.Change.None)
        {
            // On the transitions only (the condition carries the current state at every read).
            await EventAsync(target, outage == HistoryOutages.Change.Started, outage == HistoryOutages.Change.Started ? "HistoryUnavailable" : "HistoryRecovered",
                outage == HistoryOutages.Change.Started ? history!.Message ?? "" : $"history readable again: {history!.Message}", cancellationToken).ConfigureAwait(false);
        }

        var problems = string.Join("; ", resolved.Problems);
        if (resolved.Problems.Count > 0 && old?.Conditions?.FirstOrDefault(c => c.Type == "Valid")?.Message != problems)
        {
            await EventAsync(target, true, resolved.Problems[0].Reason, problems, cancellationToken).ConfigureAwait(false);
        }

        if (status.EffectiveMode == PolicyModes.Recommend && status.RecommendedFloor != old?.RecommendedFloor && status.RecommendedFloor is { } floor)
        {
            await EventAsync(target, false, "FloorRecommended",
                $"recommended floor {floor} replicas for HPA {resource.Spec.TargetRef.Name}; approve to apply it", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Records Events on the HPA when its floor was raised, released or refused.</summary>
    public async Task ReportActuationAsync(TargetOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var hpa = outcome.Hpa;
        var target = new ObjectRef("autoscaling/" + hpa.ApiVersion, "HorizontalPodAutoscaler", hpa.Namespace, hpa.Name, null);
        switch (outcome.Actuation)
        {
            case ActuationResult.Applied:
                _metrics.Writes.WithLabels("apply").Inc();
                await EventAsync(target, false, "FloorRaised",
                    $"minReplicas {hpa.MinReplicas} -> {outcome.HeldFloor} (owner's value {outcome.OriginalMinReplicas} kept in an annotation): {outcome.Acting?.Record.Detail}",
                    cancellationToken).ConfigureAwait(false);
                break;
            case ActuationResult.Restored:
                _metrics.Writes.WithLabels("apply").Inc();
                await EventAsync(target, false, "FloorReleased", $"minReplicas restored to the owner's {outcome.OriginalMinReplicas}", cancellationToken).ConfigureAwait(false);
                break;
            case ActuationResult.Conflict:
                await EventAsync(target, true, "FloorConflict",
                    $"not forcing spec.minReplicas over another field manager (start the controller with --force-conflicts to take it): {outcome.Conflict}",
                    cancellationToken).ConfigureAwait(false);
                break;
        }

        if (FloorAnnotations.ChangedByOthers(hpa))
        {
            await EventAsync(target, true, "MinReplicasChangedExternally",
                $"spec.minReplicas is {hpa.MinReplicas}, not the floor {FloorAnnotations.AppliedFloor(hpa)} the controller applied: taken as the owner's new value",
                cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> PatchIfChangedAsync(ObjectRef target, object? old, object status, string[] members, CancellationToken cancellationToken)
    {
        var patch = StatusPatch.Build(status, members);
        var current = old is null ? new JsonObject() : StatusPatch.Build(old, members);
        if (JsonNode.DeepEquals(patch, current))
        {
            return false;
        }

        try
        {
            await _writer.PatchStatusAsync(target, patch, cancellationToken).ConfigureAwait(false);
            _metrics.Writes.WithLabels("status").Inc();
            return true;
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException or KubernetesException)
        {
            LogWriteFailed(_logger, target.Kind, target.Namespace + "/" + target.Name, e.Message);
            return false;
        }
    }

    private async Task EventAsync(ObjectRef target, bool warning, string reason, string message, CancellationToken cancellationToken)
    {
        try
        {
            await _writer.RecordEventAsync(target, warning, reason, message, cancellationToken).ConfigureAwait(false);
            _metrics.Writes.WithLabels("event").Inc();
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException or KubernetesException)
        {
            LogWriteFailed(_logger, "Event", target.Namespace + "/" + target.Name, e.Message);
        }
    }

    private static string PhaseDetail(ScalingEventStatus status) =>
        status.NextStart is { } start ? $" (window {start:yyyy-MM-dd'T'HH:mm:ss'Z'} to {status.NextEnd:yyyy-MM-dd'T'HH:mm:ss'Z'}, lead time {status.LeadTimeUsed ?? "n/a"})" : "";

    [LoggerMessage(Level = LogLevel.Warning, Message = "writing {Kind} {Name} failed: {Error}; retried next pass")]
    private static partial void LogWriteFailed(ILogger logger, string kind, string name, string error);
}
