using Autoscaler.Core.Hpa;
using Autoscaler.Core.Hpa.Behavior;
using Autoscaler.Core.Hpa.State;

namespace Autoscaler.Simulator.HpaCases;

/// <summary>
/// Converts the shared pieces of the case schema (times, config, behavior rules, history) into Core types.
/// Case times are seconds relative to the evaluation instant; JSON null is the zero time.
/// </summary>
internal static class CaseModel
{
    /// <summary>The evaluation instant every case is run at (any fixed instant works: cases are relative).</summary>
    public static readonly DateTimeOffset Now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A relative time: absent → <paramref name="absent"/>, null → the zero time, n → now + n s.</summary>
    public static DateTimeOffset Time(JsonField? field, DateTimeOffset absent)
    {
        if (field is not { } f)
        {
            return absent;
        }

        return f.IsNull ? DateTimeOffset.MinValue : Now + TimeSpan.FromSeconds(f.Double());
    }

    /// <summary>An instant given as <c>ageSeconds</c> (now − timestamp), or as a relative <c>timestamp</c>.</summary>
    public static DateTimeOffset Aged(JsonField item) =>
        item.Optional("ageSeconds") is { } age
            ? (age.IsNull ? DateTimeOffset.MinValue : Now - TimeSpan.FromSeconds(age.Double()))
            : Time(item.Required("timestamp"), Now);

    /// <summary>Controller flags from <c>config</c>; absent fields keep the upstream flag defaults.</summary>
    public static HpaControllerOptions Options(JsonField? config, HpaProfile profile)
    {
        var o = new HpaControllerOptions { Profile = profile };
        if (config is not { IsNull: false } c)
        {
            return o;
        }

        return o with
        {
            Tolerance = c.OptionalValue("tolerance")?.Double() ?? o.Tolerance,
            CpuInitializationPeriod = Seconds(c.OptionalValue("cpuInitializationPeriodSeconds")) ?? o.CpuInitializationPeriod,
            InitialReadinessDelay = Seconds(c.OptionalValue("initialReadinessDelaySeconds")) ?? o.InitialReadinessDelay,
            DownscaleStabilizationWindow = Seconds(c.OptionalValue("downscaleStabilizationWindowSeconds")) ?? o.DownscaleStabilizationWindow,
            ScaleUpLimitFactor = c.OptionalValue("scaleUpLimitFactor")?.Double() ?? o.ScaleUpLimitFactor,
            ScaleUpLimitMinimum = c.OptionalValue("scaleUpLimitMinimum")?.Double() ?? o.ScaleUpLimitMinimum,
        };
    }

    /// <summary><c>recommendations</c>: absent or null → null (a fresh HPA), a list → that history.</summary>
    public static List<TimestampedRecommendation>? Recommendations(JsonField? field) =>
        field is { IsNull: false } f
            ? f.Items().Select(r => new TimestampedRecommendation(r.Required("replicas").Int32(), Aged(r))).ToList()
            : null;

    /// <summary>Scale events; absent or null → none.</summary>
    public static List<ScaleEvent> Events(JsonField? field) =>
        field is { IsNull: false } f
            ? f.Items().Select(e => new ScaleEvent(e.Required("replicaChange").Int32(), Aged(e), e.OptionalValue("outdated")?.Bool() ?? false)).ToList()
            : [];

    /// <summary>User scaling rules as written (null when absent or null); defaults are applied by the caller.</summary>
    public static HpaScalingRules? Rules(JsonField? field)
    {
        if (field is not { IsNull: false } f)
        {
            return null;
        }

        return new HpaScalingRules
        {
            StabilizationWindowSeconds = f.OptionalValue("stabilizationWindowSeconds")?.Int32(),
            SelectPolicy = f.OptionalValue("selectPolicy")?.Enum(("Max", ScalingPolicySelect.Max), ("Min", ScalingPolicySelect.Min), ("Disabled", ScalingPolicySelect.Disabled)),
            Policies = f.OptionalValue("policies")?.Items().Select(Policy).ToList(),
            Tolerance = f.OptionalValue("tolerance")?.Double(),
        };
    }

    /// <summary><c>hpa.behavior</c>: null or absent → null (legacy path).</summary>
    public static HpaBehavior? Behavior(JsonField? field) =>
        field is { IsNull: false } f ? new HpaBehavior(Rules(f.Optional("scaleUp")), Rules(f.Optional("scaleDown"))) : null;

    private static HpaScalingPolicy Policy(JsonField p) => new(
        p.Required("type").Enum(("Pods", HpaScalingPolicyType.Pods), ("Percent", HpaScalingPolicyType.Percent)),
        p.Required("value").Int32(),
        p.Required("periodSeconds").Int32());

    private static TimeSpan? Seconds(JsonField? f) => f is { } v ? TimeSpan.FromSeconds(v.Double()) : null;
}
