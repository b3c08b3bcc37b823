namespace Autoscaler.Simulator.Scenarios;

/// <summary>Small range checks that record an error on the field instead of throwing.</summary>
internal static class Check
{
    public static T Required<T>(YamlMap map, string key, T? value, List<InputError> errors, string file)
        where T : struct
    {
        if (value is { } v) return v;
        if (!map.Has(key)) errors.Add(new InputError(file, map.Line, map.FieldPath(key), "required"));
        return default;
    }

    public static void AtLeast(YamlMap map, string key, double? value, double min)
    {
        if (value is { } v && v < min) map.Error(key, $"must be ≥ {min} (was {v})");
    }

    public static void Positive(YamlMap map, string key, double? value)
    {
        if (value is { } v && v <= 0) map.Error(key, $"must be > 0 (was {v})");
    }

    public static void Positive(YamlMap map, string key, Autoscaler.Core.Quantities.Quantity? value)
    {
        if (value is { } v && v.Sign <= 0) map.Error(key, $"must be > 0 (was {v})");
    }

    public static void Between(YamlMap map, string key, double? value, double min, double max)
    {
        if (value is { } v && (v < min || v > max)) map.Error(key, $"must be between {min} and {max} (was {v})");
    }
}
