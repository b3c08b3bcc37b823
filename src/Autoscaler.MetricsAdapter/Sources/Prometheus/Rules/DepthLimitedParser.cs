using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;

/// <summary>
/// Passes YamlDotNet's parser events through, refusing nesting deeper than <see cref="MaxDepth"/> with a
/// <see cref="YamlException"/> at the offending node: the deserializer recurses per level, so a rules file of thousands
/// of <c>[</c> (under the ignored <c>resourceRules</c>, say) would otherwise overflow the stack and kill the adapter
/// (issue #15, RulesFileHostileRegressionTests). The simulator has the same guard for its own YAML inputs.
/// </summary>
internal sealed class DepthLimitedParser(IParser inner) : IParser
{
    /// <summary>Deepest nesting of mappings and sequences accepted; a real rules file stays under 10.</summary>
    public const int MaxDepth = 64;

    private int _depth;

    /// <summary>The start of the last event read (line 1 before any).</summary>
    public Mark LastMark { get; private set; } = Mark.Empty;

    /// <inheritdoc />
    public ParsingEvent? Current => inner.Current;

    /// <inheritdoc />
    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        var current = inner.Current!;
        LastMark = current.Start;
        _depth += current switch
        {
            MappingStart or SequenceStart => 1,
            MappingEnd or SequenceEnd => -1,
            _ => 0,
        };
        if (_depth > MaxDepth)
        {
            throw new YamlException(current.Start, current.End, $"nested more than {MaxDepth} levels deep");
        }

        return true;
    }
}
