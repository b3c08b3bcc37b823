using System.Globalization;
using System.Text.Json;

namespace Autoscaler.Simulator.HpaCases;

/// <summary>A JSON value with its path, so that every schema error names the field it is about.</summary>
internal readonly record struct JsonField(JsonElement Element, string Path)
{
    public bool IsNull => Element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    /// <summary>The named property, or null when it is absent.</summary>
    public JsonField? Optional(string name)
    {
        RequireKind(JsonValueKind.Object, "an object");
        return Element.TryGetProperty(name, out var value) ? new JsonField(value, $"{Path}.{name}") : null;
    }

    /// <summary>The named property, or null when it is absent or JSON null.</summary>
    public JsonField? OptionalValue(string name) => Optional(name) is { IsNull: false } f ? f : null;

    public JsonField Required(string name) =>
        Optional(name) ?? throw new CaseInputException($"{Path}.{name}", "required field is missing");

    public int Int32()
    {
        RequireKind(JsonValueKind.Number, "an integer");
        return Element.TryGetInt32(out var v) ? v : throw new CaseInputException(Path, $"expected a 32-bit integer, got {Element.GetRawText()}");
    }

    public long Int64()
    {
        RequireKind(JsonValueKind.Number, "an integer");
        return Element.TryGetInt64(out var v) ? v : throw new CaseInputException(Path, $"expected a 64-bit integer, got {Element.GetRawText()}");
    }

    public double Double()
    {
        RequireKind(JsonValueKind.Number, "a number");
        return Element.GetDouble();
    }

    public bool Bool() => Element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new CaseInputException(Path, $"expected true or false, got {Element.GetRawText()}"),
    };

    public string String()
    {
        RequireKind(JsonValueKind.String, "a string");
        return Element.GetString()!;
    }

    public IEnumerable<JsonField> Items()
    {
        RequireKind(JsonValueKind.Array, "an array");
        var i = 0;
        foreach (var item in Element.EnumerateArray())
        {
            yield return new JsonField(item, $"{Path}[{i.ToString(CultureInfo.InvariantCulture)}]");
            i++;
        }
    }

    public IEnumerable<(string Name, JsonField Value)> Properties()
    {
        RequireKind(JsonValueKind.Object, "an object");
        foreach (var p in Element.EnumerateObject())
        {
            yield return (p.Name, new JsonField(p.Value, $"{Path}.{p.Name}"));
        }
    }

    public T Enum<T>(params (string Name, T Value)[] choices)
    {
        var s = String();
        foreach (var (name, value) in choices)
        {
            if (string.Equals(name, s, StringComparison.Ordinal))
            {
                return value;
            }
        }

        throw new CaseInputException(Path, $"unknown value '{s}' (expected one of: {string.Join(", ", choices.Select(c => c.Name))})");
    }

    private void RequireKind(JsonValueKind kind, string what)
    {
        if (Element.ValueKind != kind)
        {
            throw new CaseInputException(Path, $"expected {what}, got {Element.ValueKind.ToString().ToLowerInvariant()}");
        }
    }
}
