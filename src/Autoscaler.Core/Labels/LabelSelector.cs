namespace Autoscaler.Core.Labels;

/// <summary>
/// A parsed label selector (PROTOCOLS.md §1.7): requirements joined by logical AND, sorted by key.
/// The empty selector matches everything.
/// </summary>
public sealed class LabelSelector
{
    private LabelSelector(IReadOnlyList<LabelRequirement> requirements)
    {
        Requirements = requirements;
    }

    /// <summary>The selector that matches every label set.</summary>
    public static LabelSelector Everything { get; } = new([]);

    /// <summary>The requirements, sorted by key (stable for equal keys).</summary>
    public IReadOnlyList<LabelRequirement> Requirements { get; }

    /// <summary>True for the empty selector.</summary>
    public bool IsEmpty => Requirements.Count == 0;

    /// <summary>Parses a selector; null or blank means <see cref="Everything"/>. Throws <see cref="LabelSelectorException"/>.</summary>
    public static LabelSelector Parse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? Everything : FromRequirements(SelectorParser.Parse(text));

    /// <summary>Parses a selector, returning false and the reason when it is invalid.</summary>
    public static bool TryParse(string? text, out LabelSelector selector, out string error)
    {
        try
        {
            selector = Parse(text);
            error = string.Empty;
            return true;
        }
        catch (LabelSelectorException e)
        {
            selector = Everything;
            error = e.Message;
            return false;
        }
    }

    /// <summary>Builds a selector from already validated requirements.</summary>
    public static LabelSelector FromRequirements(IEnumerable<LabelRequirement> requirements) =>
        new(requirements.OrderBy(r => r.Key, StringComparer.Ordinal).ToArray());

    /// <summary>A selector requiring each key to equal its value (the matchLabels form).</summary>
    public static LabelSelector FromMatchLabels(IReadOnlyDictionary<string, string> labels) =>
        FromRequirements(labels.Select(kv => LabelRequirement.Create(kv.Key, SelectorOperator.Equals, [kv.Value])));

    /// <summary>True when every requirement matches the labels.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        foreach (var requirement in Requirements)
        {
            if (!requirement.Matches(labels))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The canonical string form (requirements sorted by key, joined by commas).</summary>
    public override string ToString() => string.Join(',', Requirements);
}
