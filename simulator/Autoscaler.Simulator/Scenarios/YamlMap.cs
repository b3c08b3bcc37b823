using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Autoscaler.Simulator.Scenarios;

/// <summary>
/// Reads one YAML mapping field by field, recording every problem (wrong type, unknown field) with its line
/// instead of stopping at the first, so a user fixes a scenario in one round.
/// </summary>
internal sealed class YamlMap
{
    private readonly YamlMappingNode _node;
    private readonly string _file;
    private readonly List<InputError> _errors;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public YamlMap(YamlMappingNode node, string file, string path, List<InputError> errors)
    {
        _node = node;
        _file = file;
        Path = path;
        _errors = errors;
    }

    public string Path { get; }

    public int Line => (int)_node.Start.Line;

    public int LineOf(string key) => Find(key) is { } pair ? (int)pair.Value.Start.Line : Line;

    public string FieldPath(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public void Error(string key, string message) => _errors.Add(new InputError(_file, LineOf(key), FieldPath(key), message));

    public bool Has(string key)
    {
        _read.Add(key);
        return Find(key) is not null;
    }

    public string? String(string key)
    {
        if (Scalar(key) is not { } scalar) return null;
        return scalar.Value;
    }

    public double? Double(string key)
    {
        if (Scalar(key) is not { } scalar) return null;
        if (double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)) return value;
        Error(key, $"'{scalar.Value}' is not a number");
        return null;
    }

    /// <summary>
    /// A Kubernetes quantity (<c>700</c>, <c>0.5</c>, <c>500m</c>, <c>1.5k</c>, <c>2Gi</c>), read by Core's
    /// <see cref="Core.Quantities.Quantity"/> exactly as the API server reads it; one error when invalid or
    /// when its milli-value does not fit in 64 bits.
    /// </summary>
    public Core.Quantities.Quantity? Quantity(string key)
    {
        if (Scalar(key) is not { } scalar) return null;
        if (!Core.Quantities.Quantity.TryParse(scalar.Value, out var quantity, out var reason))
        {
            Error(key, $"'{scalar.Value}' is not a Kubernetes quantity (examples: 700, 0.5, 500m, 1.5k): {reason}");
            return null;
        }

        try
        {
            quantity.MilliValue();
        }
        catch (OverflowException)
        {
            Error(key, $"'{scalar.Value}' is too large (its milli-value must fit in 64 bits)");
            return null;
        }

        return quantity;
    }

    public int? Int(string key)
    {
        if (Scalar(key) is not { } scalar) return null;
        if (int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        Error(key, $"'{scalar.Value}' is not a whole number");
        return null;
    }

    public YamlMap? Map(string key)
    {
        _read.Add(key);
        if (Find(key) is not { } pair) return null;
        if (pair.Value is YamlMappingNode map) return new YamlMap(map, _file, FieldPath(key), _errors);
        if (pair.Value is YamlScalarNode { Value: null or "" or "~" or "null" }) return null;
        Error(key, "expected a mapping (fields indented below it)");
        return null;
    }

    public IReadOnlyList<YamlMap>? List(string key)
    {
        _read.Add(key);
        if (Find(key) is not { } pair) return null;
        if (pair.Value is not YamlSequenceNode seq)
        {
            Error(key, "expected a list (items starting with '- ')");
            return null;
        }

        var items = new List<YamlMap>();
        for (var i = 0; i < seq.Children.Count; i++)
        {
            if (seq.Children[i] is YamlMappingNode item) items.Add(new YamlMap(item, _file, $"{FieldPath(key)}[{i}]", _errors));
            else _errors.Add(new InputError(_file, (int)seq.Children[i].Start.Line, $"{FieldPath(key)}[{i}]", "expected a mapping"));
        }

        return items;
    }

    /// <summary>Reports every key that no getter asked for: a misspelt field must not be silently ignored.</summary>
    public void RejectUnknown()
    {
        var knownList = _read.Order(StringComparer.Ordinal).ToList();
        foreach (var (key, _) in _node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (_read.Contains(name)) continue;
            _errors.Add(new InputError(_file, (int)key.Start.Line, FieldPath(name), $"unknown field (known here: {string.Join(", ", knownList)})"));
        }
    }

    private YamlScalarNode? Scalar(string key)
    {
        _read.Add(key);
        if (Find(key) is not { } pair) return null;
        if (pair.Value is YamlScalarNode scalar) return scalar.Value is null or "~" or "null" ? null : scalar;
        Error(key, "expected a single value");
        return null;
    }

    private KeyValuePair<YamlNode, YamlNode>? Find(string key)
    {
        foreach (var pair in _node.Children)
        {
            if (pair.Key is YamlScalarNode { Value: var k } && k == key) return pair;
        }

        return null;
    }
}
