using Autoscaler.Core.Hpa;
using Autoscaler.Core.Hpa.Behavior;
using Autoscaler.Core.Hpa.Legacy;
using Autoscaler.Core.Hpa.Metrics;
using Autoscaler.Core.Hpa.State;
using Autoscaler.Core.Labels;

namespace Autoscaler.Simulator.HpaCases;

/// <summary>
/// Runs one case of the HPA_SPEC.md §14 schema through the Core algorithm at the level the case names.
/// Every level calls the one Core implementation of that step; nothing here decides replicas itself.
/// </summary>
internal static class CaseRunner
{
    /// <summary>The profile a case runs under: the forced one, else v1.20 for <c>sourceVersion</c> v1.20.2, else current.</summary>
    public static HpaProfile ProfileFor(JsonField testCase, HpaProfile? forced) =>
        forced ?? (testCase.OptionalValue("sourceVersion")?.String() == "v1.20.2" ? HpaProfile.V1_20 : HpaProfile.Current);

    public static CaseOutcome Run(JsonField testCase, HpaProfile profile)
    {
        var level = testCase.Required("level");
        var inputs = testCase.Required("inputs");
        return level.String() switch
        {
            "replicaCalculator" => ReplicaCalculatorLevel(inputs, profile),
            "controller" => ControllerLevel(inputs, profile),
            "behaviorRate" => BehaviorRateLevel(inputs, profile),
            "behaviorStabilization" => BehaviorStabilizationLevel(inputs, profile),
            "legacyStabilization" => LegacyStabilizationLevel(inputs),
            "legacyRules" => LegacyRulesLevel(inputs),
            "scaleLimit" => ScaleLimitLevel(inputs, profile),
            var other => throw new CaseInputException(level.Path, $"unknown level '{other}' (expected replicaCalculator, controller, behaviorRate, behaviorStabilization, legacyStabilization, legacyRules or scaleLimit)"),
        };
    }

    private static CaseOutcome ReplicaCalculatorLevel(JsonField inputs, HpaProfile profile)
    {
        var options = CaseModel.Options(inputs.Optional("config"), profile);
        var (spec, observation) = CaseMetrics.Metric(inputs.Required("metric"));
        var current = inputs.Required("currentReplicas").Int32();
        var scale = new ScaleSnapshot(current, inputs.OptionalValue("statusReplicas")?.Int32() ?? current);
        var pods = CaseMetrics.Pods(inputs.Optional("pods"), [spec]);
        var proposal = ReplicaCalculator.Compute(spec, observation, scale, pods, HpaTolerance.For(options, null), options, CaseModel.Now);
        return proposal.IsValid
            ? CaseOutcome.Of(proposal.Replicas) with { UtilizationPercent = proposal.UtilizationPercent, StatusValueMilli = proposal.StatusValueMilli }
            : CaseOutcome.Failed(proposal.Error!);
    }

    private static CaseOutcome ControllerLevel(JsonField inputs, HpaProfile profile)
    {
        var options = CaseModel.Options(inputs.Optional("config"), profile);
        var hpa = inputs.Required("hpa");
        var metrics = hpa.OptionalValue("metrics")?.Items().Select(CaseMetrics.Metric).ToList() ?? [];
        var spec = new HpaSpec(hpa.OptionalValue("minReplicas")?.Int32(), hpa.Required("maxReplicas").Int32(),
            metrics.Select(m => m.Spec).ToList(), CaseModel.Behavior(hpa.Optional("behavior"))).WithApiDefaults();
        var scaleField = inputs.Required("scale");
        var specReplicas = scaleField.Required("specReplicas").Int32();
        var scale = new ScaleSnapshot(specReplicas, scaleField.OptionalValue("statusReplicas")?.Int32() ?? specReplicas)
        {
            SelectorError = SelectorError(scaleField.Optional("selector")),
        };
        var pods = CaseMetrics.Pods(inputs.Optional("pods"), spec.Metrics);
        var state = new HpaControllerState();
        if (inputs.OptionalValue("state") is { } s)
        {
            state.Recommendations = CaseModel.Recommendations(s.Optional("recommendations"));
            state.ScaleUpEvents.AddRange(CaseModel.Events(s.Optional("scaleUpEvents")));
            state.ScaleDownEvents.AddRange(CaseModel.Events(s.Optional("scaleDownEvents")));
        }

        var result = HpaReconciler.Reconcile(spec, scale, pods, metrics.Select(m => (MetricObservation?)m.Observation).ToList(), state, options, CaseModel.Now);
        return CaseOutcome.Of(result.DesiredReplicas);
    }

    // scale.status.selector: absent means a valid selector; present, it must be non-empty and parse.
    private static string? SelectorError(JsonField? selector)
    {
        if (selector is not { } f)
        {
            return null;
        }

        var text = f.IsNull ? string.Empty : f.String();
        if (text.Length == 0)
        {
            return "selector is required";
        }

        return LabelSelector.TryParse(text, out _, out var error)
            ? null
            : $"couldn't convert selector into a corresponding internal selector object: {error}";
    }

    private static CaseOutcome BehaviorRateLevel(JsonField inputs, HpaProfile profile)
    {
        var decision = BehaviorRateLimiter.Apply(
            inputs.Required("currentReplicas").Int32(), inputs.Required("desiredReplicas").Int32(),
            inputs.OptionalValue("minReplicas")?.Int32() ?? 1, inputs.Required("maxReplicas").Int32(),
            HpaBehavior.ScaleUpWithDefaults(CaseModel.Rules(inputs.Optional("scaleUpRulesUser"))),
            HpaBehavior.ScaleDownWithDefaults(CaseModel.Rules(inputs.Optional("scaleDownRulesUser"))),
            CaseModel.Events(inputs.Optional("scaleUpEvents")), CaseModel.Events(inputs.Optional("scaleDownEvents")),
            CaseModel.Now, profile);
        return CaseOutcome.Of(decision.Replicas) with { Condition = decision.Reason };
    }

    private static CaseOutcome BehaviorStabilizationLevel(JsonField inputs, HpaProfile profile)
    {
        var recommendations = CaseModel.Recommendations(inputs.Optional("recommendations")) ?? [];
        var decision = BehaviorStabilizer.Stabilize(recommendations,
            inputs.Required("currentReplicas").Int32(), inputs.Required("desiredReplicas").Int32(),
            inputs.OptionalValue("scaleUpStabilizationWindowSeconds")?.Int32() ?? 0,
            inputs.OptionalValue("scaleDownStabilizationWindowSeconds")?.Int32() ?? (int)HpaControllerOptions.Default.DownscaleStabilizationWindow.TotalSeconds,
            CaseModel.Now, profile);
        return CaseOutcome.Of(decision.Replicas) with { Condition = decision.Reason, HistoryLength = recommendations.Count };
    }

    private static CaseOutcome LegacyStabilizationLevel(JsonField inputs)
    {
        var recommendations = CaseModel.Recommendations(inputs.Optional("recommendations")) ?? [];
        var window = inputs.OptionalValue("windowSeconds") is { } w
            ? TimeSpan.FromSeconds(w.Double()) : HpaControllerOptions.Default.DownscaleStabilizationWindow;
        var replicas = LegacyStabilizer.Stabilize(recommendations, inputs.Required("desiredReplicas").Int32(), window, CaseModel.Now);
        return CaseOutcome.Of(replicas) with { HistoryLength = recommendations.Count };
    }

    private static CaseOutcome LegacyRulesLevel(JsonField inputs)
    {
        var defaults = HpaControllerOptions.Default;
        var decision = LegacyRules.Apply(
            inputs.Required("currentReplicas").Int32(), inputs.Required("desiredReplicas").Int32(),
            inputs.OptionalValue("minReplicas")?.Int32() ?? 1, inputs.Required("maxReplicas").Int32(),
            inputs.OptionalValue("scaleUpLimitFactor")?.Double() ?? defaults.ScaleUpLimitFactor,
            inputs.OptionalValue("scaleUpLimitMinimum")?.Double() ?? defaults.ScaleUpLimitMinimum);
        return CaseOutcome.Of(decision.Replicas) with { Condition = decision.Reason };
    }

    private static CaseOutcome ScaleLimitLevel(JsonField inputs, HpaProfile profile)
    {
        var direction = inputs.Required("direction");
        var up = direction.Enum(("up", true), ("down", false));
        var current = inputs.Required("currentReplicas").Int32();
        var rules = CaseModel.Rules(inputs.Optional("rules"));
        // "events" are the direction's own history; explicit per-direction lists may be given instead.
        var own = CaseModel.Events(inputs.Optional("events"));
        var upEvents = inputs.Optional("scaleUpEvents") is { } u ? CaseModel.Events(u) : up ? own : [];
        var downEvents = inputs.Optional("scaleDownEvents") is { } d ? CaseModel.Events(d) : up ? [] : own;
        var limit = up
            ? ScaleLimits.ScaleUpLimit(current, upEvents, downEvents, HpaBehavior.ScaleUpWithDefaults(rules), CaseModel.Now, profile)
            : ScaleLimits.ScaleDownLimit(current, upEvents, downEvents, HpaBehavior.ScaleDownWithDefaults(rules), CaseModel.Now, profile);
        return CaseOutcome.Of(limit);
    }
}
