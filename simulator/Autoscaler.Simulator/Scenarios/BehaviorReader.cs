namespace Autoscaler.Simulator.Scenarios;

/// <summary>Reads <c>hpa.behavior</c> in autoscaling/v2 shape, with its API validation limits.</summary>
internal static class BehaviorReader
{
    public static BehaviorModel? Read(YamlMap? map, string file, List<InputError> errors)
    {
        if (map is null) return new BehaviorModel(null, null);
        var up = map.Map("scaleUp") is { } u ? ReadRules(u, errors) : null;
        var down = map.Map("scaleDown") is { } d ? ReadRules(d, errors) : null;
        map.RejectUnknown();
        _ = file;
        return new BehaviorModel(up, down);
    }

    private static ScalingRulesModel ReadRules(YamlMap map, List<InputError> errors)
    {
        var window = map.Int("stabilizationWindowSeconds");
        var select = map.String("selectPolicy");
        var tolerance = map.Double("tolerance");
        var policyMaps = map.List("policies");
        map.RejectUnknown();
        Check.Between(map, "stabilizationWindowSeconds", window, 0, 3600);
        Check.AtLeast(map, "tolerance", tolerance, 0);
        if (select is not (null or "Max" or "Min" or "Disabled")) map.Error("selectPolicy", $"'{select}' is not a selectPolicy (use Max, Min or Disabled)");
        if (policyMaps is { Count: 0 }) map.Error("policies", "at least one policy is required when policies is given");

        var policies = policyMaps?.Select(p => ReadPolicy(p, errors)).ToList();
        return new ScalingRulesModel(window, select, policies, tolerance);
    }

    private static ScalingPolicyModel ReadPolicy(YamlMap map, List<InputError> errors)
    {
        _ = errors;
        var type = map.String("type");
        var value = map.Int("value");
        var period = map.Int("periodSeconds");
        map.RejectUnknown();
        if (type is not ("Pods" or "Percent")) map.Error("type", type is null ? "required (Pods or Percent)" : $"'{type}' is not a policy type (use Pods or Percent)");
        if (value is null) map.Error("value", "required");
        Check.Positive(map, "value", value);
        if (period is null) map.Error("periodSeconds", "required");
        Check.Between(map, "periodSeconds", period, 1, 1800);
        return new ScalingPolicyModel(type ?? string.Empty, value ?? 0, period ?? 0);
    }
}
