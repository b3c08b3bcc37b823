using System.Text.Json.Nodes;
using Autoscaler.Controller.Cluster;
using Autoscaler.Kubernetes.Entities;
using k8s;

namespace Autoscaler.Controller.Tests.Support;

/// <summary>
/// An in-memory cluster for reconcile tests: HPAs, ScalingEvents and PredictivePolicies with the apiserver semantics the
/// controller relies on (server-side apply conflicts against Apply owners unless forced; status merge patches; Events).
/// </summary>
internal sealed class InMemoryCluster : IClusterView, IClusterWriter
{
    private readonly Dictionary<string, HpaView> _hpas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, V1Alpha1ScalingEvent> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, V1Alpha1PredictivePolicy> _policies = new(StringComparer.Ordinal);

    public bool IsSynced => true;

    public List<(string Hpa, int MinReplicas, bool Force)> Applies { get; } = [];

    public List<(string Target, JsonObject Patch)> StatusPatches { get; } = [];

    public List<(ObjectRef Target, bool Warning, string Reason, string Message)> Events { get; } = [];

    public int Writes => Applies.Count + StatusPatches.Count;

    public HpaView AddHpa(string ns, string name, int min, int max, int current, params FieldOwner[] owners)
    {
        var hpa = new HpaView(ns, name, "v2beta2", min, max, current, current, new Dictionary<string, string>(), new Dictionary<string, string>(),
            owners.Length == 0 ? [new FieldOwner("kubectl-create", "Update")] : owners, null, name);
        _hpas[hpa.Key] = hpa;
        return hpa;
    }

    public HpaView Hpa(string ns, string name) => _hpas[ns + "/" + name];

    public void SetHpa(HpaView hpa) => _hpas[hpa.Key] = hpa;

    public V1Alpha1ScalingEvent AddEvent(V1Alpha1ScalingEvent e)
    {
        e.Metadata.Generation ??= 1;
        e.Metadata.Uid ??= Guid.NewGuid().ToString();
        _events[e.Metadata.NamespaceProperty + "/" + e.Metadata.Name] = e;
        return e;
    }

    public V1Alpha1ScalingEvent Event(string ns, string name) => _events[ns + "/" + name];

    public void Approve(string ns, string name, string user)
    {
        var e = Event(ns, name);
        Merge(V1Alpha1ScalingEvent.KubeKind, ns, name, new JsonObject { ["approvedBy"] = user, ["approvedAt"] = "2026-11-30T10:00:00Z", ["approvedGeneration"] = e.Metadata.Generation });
    }

    public V1Alpha1PredictivePolicy AddPolicy(V1Alpha1PredictivePolicy p)
    {
        p.Metadata.Generation ??= 1;
        _policies[p.Metadata.NamespaceProperty + "/" + p.Metadata.Name] = p;
        return p;
    }

    public V1Alpha1PredictivePolicy Policy(string ns, string name) => _policies[ns + "/" + name];

    public IReadOnlyList<V1Alpha1ScalingEvent> ScalingEvents() => [.. _events.Values];

    public IReadOnlyList<V1Alpha1PredictivePolicy> Policies() => [.. _policies.Values];

    public IReadOnlyList<HpaView> Hpas() => [.. _hpas.Values];

    public IReadOnlyList<TimeSpan> Startups { get; set; } = [];

    public IReadOnlyList<TimeSpan> PodStartupTimes(string ns, string workload) => Startups;

    public Task<ApplyOutcome> ApplyMinReplicasAsync(HpaView hpa, int minReplicas, IReadOnlyDictionary<string, string> annotations, bool force, CancellationToken cancellationToken)
    {
        var current = _hpas[hpa.Key];
        var others = current.MinReplicasOwners.Where(o => o.Manager != AutoscalerApi.FieldManager).ToList();
        if (!force && others.Count > 0 && current.MinReplicas != minReplicas)
        {
            var names = string.Join(", ", others.Select(o => $"\"{o.Manager}\""));
            return Task.FromResult(ApplyOutcome.Conflicted($"Apply failed with 1 conflict: conflict with {names}: .spec.minReplicas"));
        }

        var merged = current.Annotations.Where(a => !a.Key.StartsWith(AutoscalerApi.Group + "/", StringComparison.Ordinal)).ToDictionary(a => a.Key, a => a.Value);
        foreach (var (k, v) in annotations)
        {
            merged[k] = v;
        }

        var owners = force ? [] : others;
        _hpas[hpa.Key] = current with
        {
            MinReplicas = minReplicas,
            Annotations = merged,
            MinReplicasOwners = [.. owners, new FieldOwner(AutoscalerApi.FieldManager, "Apply")],
        };
        Applies.Add((hpa.Key, minReplicas, force));
        return Task.FromResult(ApplyOutcome.Success);
    }

    public Task PatchStatusAsync(ObjectRef target, JsonObject status, CancellationToken cancellationToken)
    {
        StatusPatches.Add((target.Kind + "/" + target.Namespace + "/" + target.Name, (JsonObject)status.DeepClone()));
        Merge(target.Kind, target.Namespace, target.Name, status);
        return Task.CompletedTask;
    }

    public Task RecordEventAsync(ObjectRef target, bool warning, string reason, string message, CancellationToken cancellationToken)
    {
        Events.Add((target, warning, reason, message));
        return Task.CompletedTask;
    }

    /// <summary>Merge-patches a status as the apiserver does (through JSON, so the cached object is a fresh copy).</summary>
    private void Merge(string kind, string ns, string name, JsonObject patch)
    {
        var key = ns + "/" + name;
        if (kind == V1Alpha1ScalingEvent.KubeKind)
        {
            var e = _events[key];
            var node = e.Status is null ? new JsonObject() : JsonNode.Parse(KubernetesJson.Serialize(e.Status))!.AsObject();
            StatusPatch.Merge(node, patch);
            e.Status = KubernetesJson.Deserialize<ScalingEventStatus>(node.ToJsonString());
        }
        else
        {
            var p = _policies[key];
            var node = p.Status is null ? new JsonObject() : JsonNode.Parse(KubernetesJson.Serialize(p.Status))!.AsObject();
            StatusPatch.Merge(node, patch);
            p.Status = KubernetesJson.Deserialize<PredictivePolicyStatus>(node.ToJsonString());
        }
    }
}
