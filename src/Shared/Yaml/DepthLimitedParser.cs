using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Autoscaler.Shared.Yaml;

/// <summary>
/// Passes YamlDotNet's parser events through, refusing nesting deeper than <see cref="MaxDepth"/> with a
/// <see cref="YamlException"/> at the offending node: YamlDotNet builds its node tree recursively, so a file of
/// thousands of <c>[</c> overflowed the stack and killed the process (issue #15: the test host crashed with "Stack overflow" at 100,000 levels).
/// It also remembers the last position read, so a parser failure of another kind can still name its line.
/// One source file compiled into each project that reads YAML (the adapter's rules files, the simulator's manifests and
/// scenarios) through a <c>Compile Include</c> link: they share no library that references YamlDotNet.
/// </summary>
internal sealed class DepthLimitedParser(IParser inner) : IParser
{
    /// <summary>Deepest nesting of mappings and sequences accepted; real rules files, manifests and scenarios stay under 15.</summary>
    public const int MaxDepth = 64;

    private int _depth;

    /// <summary>The start of the last event read (line 1 before any).</summary>
    public Mark LastMark { get; private set; } = Mark.Empty;

    /// <inheritdoc />
    public ParsingEvent? Current => inner.Current;

    /// <inheritdoc />
    public bool MoveNext()
    {
        if (!inner.MoveNext()) return false;
        var current = inner.Current!;
        LastMark = current.Start;
        _depth += current switch
        {
            MappingStart or SequenceStart => 1,
            MappingEnd or SequenceEnd => -1,
            _ => 0,
        };
        if (_depth > MaxDepth) throw new YamlException(current.Start, current.End, $"nested more than {MaxDepth} levels deep");
        return true;
    }
}
