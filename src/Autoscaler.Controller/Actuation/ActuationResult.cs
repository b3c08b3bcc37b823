namespace Autoscaler.Controller.Actuation;

/// <summary>What happened to one HPA's floor in one pass.</summary>
public enum ActuationResult
{
    /// <summary>Nothing to write: the HPA already holds the wanted floor (or none).</summary>
    Unchanged = 0,

    /// <summary>The floor was raised or changed (spec.minReplicas applied, original recorded).</summary>
    Applied = 1,

    /// <summary>The floor ended: the original minReplicas was restored and the annotations removed.</summary>
    Restored = 2,

    /// <summary>Another field manager owns spec.minReplicas; not forced (see --force-conflicts).</summary>
    Conflict = 3,

    /// <summary>The floor is published for the adapter's external metric; the HPA spec is not touched.</summary>
    Published = 4,
}
