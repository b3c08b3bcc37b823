namespace Autoscaler.Core.Hpa.Pods;

/// <summary>One pod matched by the scale target's selector, as the HPA controller sees it.</summary>
/// <param name="Name">Pod name (joins samples to pods).</param>
/// <param name="Phase"><c>status.phase</c>.</param>
/// <param name="Ready">The Ready condition's status, or <see cref="PodReadyStatus.Absent"/>.</param>
/// <param name="ReadyLastTransitionTime">The Ready condition's <c>lastTransitionTime</c> (<see cref="DateTimeOffset.MinValue"/> is the zero time).</param>
/// <param name="StartTime"><c>status.startTime</c>; <c>null</c> when unset (cpu readiness then says unready).</param>
/// <param name="Deleting">True when <c>metadata.deletionTimestamp</c> is set.</param>
public sealed record PodSnapshot(string Name, PodPhase Phase, PodReadyStatus Ready, DateTimeOffset ReadyLastTransitionTime, DateTimeOffset? StartTime, bool Deleting)
{
    private static readonly IReadOnlyDictionary<string, long> NoRequests = new Dictionary<string, long>();

    /// <summary>
    /// Resource requests in milli keyed by <see cref="RequestKey"/>: whole-pod sums by resource name, and
    /// single containers by <c>container/resource</c>. A missing key means a considered container has no request.
    /// </summary>
    public IReadOnlyDictionary<string, long> RequestsMilli { get; init; } = NoRequests;

    /// <summary>The <see cref="RequestsMilli"/> key for a resource, whole pod (<paramref name="container"/> null) or one container.</summary>
    public static string RequestKey(string resource, string? container) =>
        container is null ? resource : container + "/" + resource;
}
