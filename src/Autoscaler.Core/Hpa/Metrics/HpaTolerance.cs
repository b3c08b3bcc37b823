using Autoscaler.Core.Hpa.Behavior;

namespace Autoscaler.Core.Hpa.Metrics;

/// <summary>The tolerance test <c>within(r)</c> of HPA_SPEC.md §6.7.</summary>
/// <param name="ScaleUp">Tolerance above 1.0.</param>
/// <param name="ScaleDown">Tolerance below 1.0.</param>
/// <param name="Profile">v1.20 uses <c>|1 − r| ≤ tol</c>; current uses the closed interval <c>[1 − down, 1 + up]</c>.</param>
public readonly record struct HpaTolerance(double ScaleUp, double ScaleDown, HpaProfile Profile)
{
    /// <summary>
    /// The tolerance for one HPA: the controller flag, overridden per direction by
    /// <c>behavior.scaleUp/scaleDown.tolerance</c> in the current profile only.
    /// </summary>
    public static HpaTolerance For(HpaControllerOptions options, HpaBehavior? behavior)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Profile == HpaProfile.V1_20)
        {
            return new HpaTolerance(options.Tolerance, options.Tolerance, options.Profile);
        }

        return new HpaTolerance(behavior?.ScaleUp?.Tolerance ?? options.Tolerance, behavior?.ScaleDown?.Tolerance ?? options.Tolerance, options.Profile);
    }

    /// <summary>True when the usage ratio is close enough to 1.0 that the metric proposes no change.</summary>
    public bool IsWithin(double ratio) => Profile == HpaProfile.V1_20
        ? Math.Abs(1.0 - ratio) <= ScaleUp
        : (1.0 - ScaleDown) <= ratio && ratio <= (1.0 + ScaleUp);
}
