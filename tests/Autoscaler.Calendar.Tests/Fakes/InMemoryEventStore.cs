using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Autoscaler.Calendar.Cluster;
using Autoscaler.Kubernetes.Entities;
using k8s;

namespace Autoscaler.Calendar.Tests.Fakes;

/// <summary>An API server stand-in for ScalingEvents: generateName, JSON merge patch with resourceVersion preconditions, status, Events; can be told to fail.</summary>
public sealed class InMemoryEventStore : IScalingEventStore
{
    private readonly ConcurrentDictionary<string, JsonObject> _items = new();
    private int _version = 1;
    private int _names;

    public List<(string Name, string Reason, string Message)> Events { get; } = [];

    /// <summary>When set, status writes fail with this status and message.</summary>
    public (int Status, string Message)? FailStatusWrites { get; set; }

    /// <summary>When set, every write fails with this status and message.</summary>
    public (int Status, string Message)? FailWrites { get; set; }

    public int Count => _items.Count;

    public Task<IReadOnlyList<V1Alpha1ScalingEvent>> ListAsync(string ns, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<V1Alpha1ScalingEvent>>(_items.Where(i => i.Key.StartsWith(ns + "/", StringComparison.Ordinal)).Select(i => Read(i.Value)).ToList());

    public Task<V1Alpha1ScalingEvent?> GetAsync(string ns, string name, CancellationToken cancellationToken) =>
        Task.FromResult(_items.TryGetValue($"{ns}/{name}", out var node) ? Read(node) : null);

    public Task<V1Alpha1ScalingEvent> CreateAsync(V1Alpha1ScalingEvent item, CancellationToken cancellationToken)
    {
        Fail();
        item.Metadata.Name ??= item.Metadata.GenerateName + Interlocked.Increment(ref _names).ToString("x5", CultureInfo.InvariantCulture);
        item.Metadata.GenerateName = null;
        item.Metadata.ResourceVersion = NextVersion();
        item.Metadata.Uid = Guid.NewGuid().ToString();
        item.Metadata.Generation = 1;
        var node = JsonNode.Parse(KubernetesJson.Serialize(item))!.AsObject();
        _items[$"{item.Metadata.NamespaceProperty}/{item.Metadata.Name}"] = node;
        return Task.FromResult(Read(node));
    }

    public Task<V1Alpha1ScalingEvent> PatchAsync(string ns, string name, JsonObject patch, CancellationToken cancellationToken)
    {
        Fail();
        var node = _items.TryGetValue($"{ns}/{name}", out var n) ? n : throw new ClusterException(404, $"scalingevents {name} not found");
        var wanted = patch["metadata"]?["resourceVersion"]?.GetValue<string>();
        if (wanted is not null && wanted != node["metadata"]!["resourceVersion"]!.GetValue<string>())
        {
            throw new ClusterException(409, $"the API server answered 409: Operation cannot be fulfilled on scalingevents {name}: the object has been modified");
        }

        var copy = (JsonObject)patch.DeepClone();
        (copy["metadata"] as JsonObject)?.Remove("resourceVersion");
        Merge(node, copy);
        node["metadata"]!["resourceVersion"] = NextVersion();
        if (copy.ContainsKey("spec")) node["metadata"]!["generation"] = node["metadata"]!["generation"]!.GetValue<long>() + 1;
        return Task.FromResult(Read(node));
    }

    public Task PatchStatusAsync(string ns, string name, JsonObject status, CancellationToken cancellationToken)
    {
        Fail();
        if (FailStatusWrites is { } f) throw new ClusterException(f.Status, $"the API server answered {f.Status}: {f.Message}");
        var node = _items[$"{ns}/{name}"];
        Merge(node, new JsonObject { ["status"] = status.DeepClone() });
        node["metadata"]!["resourceVersion"] = NextVersion();
        return Task.CompletedTask;
    }

    public Task RecordEventAsync(V1Alpha1ScalingEvent item, string reason, string message, CancellationToken cancellationToken)
    {
        lock (Events) Events.Add((item.Metadata.Name, reason, message));
        return Task.CompletedTask;
    }

    private static V1Alpha1ScalingEvent Read(JsonObject node) => KubernetesJson.Deserialize<V1Alpha1ScalingEvent>(node.ToJsonString());

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            if (value is null) target.Remove(key);
            else if (value is JsonObject child && target[key] is JsonObject existing) Merge(existing, child);
            else if (value is JsonObject fresh)
            {
                var created = new JsonObject();
                Merge(created, fresh);
                target[key] = created;
            }
            else target[key] = value.DeepClone();
        }
    }

    private string NextVersion() => Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture);

    private void Fail()
    {
        if (FailWrites is { } f) throw new ClusterException(f.Status, $"the API server answered {f.Status}: {f.Message}");
    }
}
