namespace Autoscaler.Kubernetes.Watch;

/// <summary>The type of one watch event.</summary>
public enum WatchEventType
{
    /// <summary>An object was added.</summary>
    Added,

    /// <summary>An object changed.</summary>
    Modified,

    /// <summary>An object was deleted; the event carries its last known state.</summary>
    Deleted,

    /// <summary>Only a newer resourceVersion to resume from; no object changed.</summary>
    Bookmark,

    /// <summary>The server reports an error as a Status, such as 410 Expired inside a 200 stream.</summary>
    Error,
}
