namespace Autoscaler.MetricsAdapter.Sources.Push.RemoteWrite;

/// <summary>Where pushed samples go when <c>RemoteWrite:Url</c> is set.</summary>
public enum RemoteWriteMode
{
    /// <summary>The embedded store (served by this replica) and the remote-write endpoint; a push is acknowledged once both have it.</summary>
    Also,

    /// <summary>Only the remote-write endpoint: every replica reads the values back by PromQL through the Prometheus source.</summary>
    Instead,
}
