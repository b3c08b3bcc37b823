namespace Autoscaler.Core.Hpa;

/// <summary>Which upstream controller behaviour to reproduce (HPA_SPEC.md §12).</summary>
public enum HpaProfile
{
    /// <summary>Exactly Kubernetes v1.20.2.</summary>
    V1_20,

    /// <summary>Upstream as of 2025 (about v1.33–v1.35): deltas D1–D8 of HPA_SPEC.md §12.</summary>
    Current,
}
