using Autoscaler.Core.Hpa;

namespace Autoscaler.Simulator.HpaCases;

/// <summary>
/// What a case expects under a profile, when it says: <c>expectedByProfile</c> for that profile, else the
/// main expected number (<c>expected.replicas</c>, <c>desiredReplicas</c> or <c>limit</c>, or <c>expectedReplicas</c>).
/// Used only to report agreement; the verb's output never depends on it.
/// </summary>
internal static class CaseExpectation
{
    public static int? For(JsonField testCase, HpaProfile profile)
    {
        if (testCase.OptionalValue("expectedByProfile") is { } byProfile
            && byProfile.OptionalValue(profile == HpaProfile.V1_20 ? "v1.20" : "current") is { } value)
        {
            return value.Int32();
        }

        if (testCase.OptionalValue("expected") is { } expected)
        {
            foreach (var name in new[] { "replicas", "desiredReplicas", "limit" })
            {
                if (expected.OptionalValue(name) is { } v)
                {
                    return v.Int32();
                }
            }
        }

        return testCase.OptionalValue("expectedReplicas")?.Int32();
    }
}
