using System.Globalization;

namespace Autoscaler.Core.Labels;

/// <summary>One validated requirement of a label selector, such as <c>tier in (backend,frontend)</c>.</summary>
public sealed class LabelRequirement
{
    private LabelRequirement(string key, SelectorOperator op, IReadOnlyList<string> values)
    {
        Key = key;
        Operator = op;
        Values = values;
    }

    /// <summary>The label key.</summary>
    public string Key { get; }

    /// <summary>The operator.</summary>
    public SelectorOperator Operator { get; }

    /// <summary>The values, sorted ordinally and without duplicates (empty for Exists/DoesNotExist).</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>Validates and builds a requirement; throws <see cref="LabelSelectorException"/> with apimachinery's
    /// NewRequirement texts (one error as is, several as <c>[a, b]</c>) when invalid.</summary>
    public static LabelRequirement Create(string key, SelectorOperator op, IEnumerable<string> values) => Create(key, op, values, "key");

    /// <summary>As <see cref="Create(string, SelectorOperator, IEnumerable{string})"/>, naming the key's field
    /// <paramref name="keyPath"/> in errors (the selector parser passes apimachinery's "&lt;nil&gt;").</summary>
    internal static LabelRequirement Create(string key, SelectorOperator op, IEnumerable<string> values, string keyPath)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(values);
        var set = values.Distinct(StringComparer.Ordinal).OrderBy(v => v, StringComparer.Ordinal).ToArray();
        var errors = new List<string>();
        if (LabelValidation.ValidateKey(key) is { } keyError)
        {
            errors.Add(LabelValidation.InvalidField(keyPath, key, keyError));
        }

        var countError = op switch
        {
            SelectorOperator.In or SelectorOperator.NotIn when set.Length == 0 => "for 'in', 'notin' operators, values set can't be empty",
            SelectorOperator.Equals or SelectorOperator.DoubleEquals or SelectorOperator.NotEquals when set.Length != 1 =>
                "exact-match compatibility requires one single value",
            SelectorOperator.Exists or SelectorOperator.DoesNotExist when set.Length != 0 =>
                "values set must be empty for exists and does not exist",
            SelectorOperator.GreaterThan or SelectorOperator.LessThan when set.Length != 1 =>
                "for 'Gt', 'Lt' operators, exactly one value is required",
            _ => null,
        };
        if (countError is not null)
        {
            var json = "[" + string.Join(',', set.Select(LabelValidation.GoQuote)) + "]";
            errors.Add($"values: Invalid value: {json}: {countError}");
        }

        if (op is SelectorOperator.GreaterThan or SelectorOperator.LessThan)
        {
            for (var i = 0; i < set.Length; i++)
            {
                if (!long.TryParse(set[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
                {
                    errors.Add(LabelValidation.InvalidField($"values[{i}]", set[i], "for 'Gt', 'Lt' operators, the value must be an integer"));
                }
            }
        }

        for (var i = 0; i < set.Length; i++)
        {
            if (LabelValidation.ValidateValue(set[i]) is { } valueError)
            {
                errors.Add(LabelValidation.InvalidField($"values[{i}][{key}]", set[i], valueError));
            }
        }

        return errors.Count switch
        {
            0 => new LabelRequirement(key, op, set),
            1 => throw new LabelSelectorException(errors[0]),
            _ => throw new LabelSelectorException("[" + string.Join(", ", errors.Distinct(StringComparer.Ordinal)) + "]"),
        };
    }

    /// <summary>True when the labels satisfy this requirement (PROTOCOLS.md §1.7 semantics).</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        var has = labels.TryGetValue(Key, out var actual);
        switch (Operator)
        {
            case SelectorOperator.Equals or SelectorOperator.DoubleEquals or SelectorOperator.In:
                return has && Contains(actual!);
            case SelectorOperator.NotEquals or SelectorOperator.NotIn:
                return !has || !Contains(actual!);
            case SelectorOperator.Exists:
                return has;
            case SelectorOperator.DoesNotExist:
                return !has;
            default:
                if (!has || !long.TryParse(actual, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var left))
                {
                    return false;
                }

                var right = long.Parse(Values[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                return Operator == SelectorOperator.GreaterThan ? left > right : left < right;
        }
    }

    /// <summary>The requirement in apimachinery's string form, e.g. <c>app=web</c>, <c>!canary</c>, <c>tier in (a,b)</c>.</summary>
    public override string ToString() => Operator switch
    {
        SelectorOperator.Exists => Key,
        SelectorOperator.DoesNotExist => "!" + Key,
        SelectorOperator.Equals => $"{Key}={Values[0]}",
        SelectorOperator.DoubleEquals => $"{Key}=={Values[0]}",
        SelectorOperator.NotEquals => $"{Key}!={Values[0]}",
        SelectorOperator.GreaterThan => $"{Key}>{Values[0]}",
        SelectorOperator.LessThan => $"{Key}<{Values[0]}",
        SelectorOperator.In => $"{Key} in ({string.Join(',', Values)})",
        _ => $"{Key} notin ({string.Join(',', Values)})",
    };

    private bool Contains(string value)
    {
        foreach (var v in Values)
        {
            if (string.Equals(v, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
