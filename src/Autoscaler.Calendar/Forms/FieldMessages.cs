namespace Autoscaler.Calendar.Forms;

/// <summary>Messages keyed by form field name (camelCase, as in the JSON body), in the order found.</summary>
public sealed class FieldMessages
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);

    /// <summary>The messages per field.</summary>
    public IReadOnlyDictionary<string, List<string>> ByField => _byField;

    /// <summary>True when there is none.</summary>
    public bool IsEmpty => _byField.Count == 0;

    /// <summary>Adds a message to a field.</summary>
    public void Add(string field, string message)
    {
        if (!_byField.TryGetValue(field, out var list)) _byField[field] = list = [];
        list.Add(message);
    }

    /// <summary>True when <paramref name="field"/> has a message.</summary>
    public bool Has(string field) => _byField.ContainsKey(field);
}
