using Autoscaler.Kubernetes.Models;

namespace Autoscaler.Kubernetes.Watch;

/// <summary>One event of a watch stream.</summary>
/// <typeparam name="T">The watched type.</typeparam>
/// <param name="Type">What happened.</param>
/// <param name="Object">The object for Added, Modified, Deleted and Bookmark (only its resourceVersion is set on a bookmark).</param>
/// <param name="Error">The Status for an Error event.</param>
public sealed record WatchEvent<T>(WatchEventType Type, T? Object, ApiStatus? Error)
    where T : KubernetesObject
{
    /// <summary>The resourceVersion to resume from after this event, when it carries one.</summary>
    public string? ResourceVersion => Object?.Metadata.ResourceVersion;

    /// <summary>True for an Error event with code 410: the resourceVersion is too old, relist.</summary>
    public bool IsExpired => Type == WatchEventType.Error && Error?.Code == 410;
}
