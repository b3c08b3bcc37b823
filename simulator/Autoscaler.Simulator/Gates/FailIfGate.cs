using System.Globalization;

namespace Autoscaler.Simulator.Gates;

/// <summary>
/// A CI gate such as <c>overloadMinutes&gt;30</c>: a numeric summary field, an operator
/// (<c>&gt; &lt; &gt;= &lt;=</c>) and a threshold. The gate is breached when the comparison is true.
/// </summary>
internal sealed record FailIfGate(string Field, string Operator, double Threshold)
{
    private static readonly string[] Operators = [">=", "<=", ">", "<"];

    public string Text => $"{Field}{Operator}{Threshold.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Parses a gate; <paramref name="error"/> explains a rejection, naming the known fields.</summary>
    public static FailIfGate? TryParse(string text, IReadOnlyCollection<string> fields, out string error)
    {
        error = string.Empty;
        var compact = text.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (OperatorLike(compact) is { } written && !Operators.Contains(written))
        {
            error = $"--fail-if '{text}': '{written}' is not an operator; expected FIELD OP NUMBER with OP one of > < >= <= (example: \"overloadMinutes>=30\")";
            return null;
        }

        foreach (var op in Operators)
        {
            var at = compact.IndexOf(op, StringComparison.Ordinal);
            if (at <= 0) continue;
            var field = compact[..at];
            var number = compact[(at + op.Length)..];
            if (!fields.Contains(field))
            {
                error = $"--fail-if '{text}': unknown summary field '{field}' (numeric fields: {string.Join(", ", fields)})";
                return null;
            }

            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold) || !double.IsFinite(threshold))
            {
                error = $"--fail-if '{text}': '{number}' is not a number";
                return null;
            }

            return new FailIfGate(field, op, threshold);
        }

        error = $"--fail-if '{text}': expected FIELD OP NUMBER with OP one of > < >= <= (example: \"overloadMinutes>30\")";
        return null;
    }

    // The first run of comparison-like characters (e.g. "=>", "==", "!=", "<>"), or null when there is none.
    private static string? OperatorLike(string compact)
    {
        const string symbols = "<>=!";
        var start = compact.IndexOfAny(symbols.ToCharArray());
        if (start < 0) return null;
        var end = start;
        while (end < compact.Length && symbols.Contains(compact[end], StringComparison.Ordinal)) end++;
        return compact[start..end];
    }

    /// <summary>True when <paramref name="value"/> breaches the gate.</summary>
    public bool IsBreachedBy(double value) => Operator switch
    {
        ">" => value > Threshold,
        "<" => value < Threshold,
        ">=" => value >= Threshold,
        _ => value <= Threshold,
    };
}
