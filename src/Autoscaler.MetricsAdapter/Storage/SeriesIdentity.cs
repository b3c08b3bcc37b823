using System.Text;

namespace Autoscaler.MetricsAdapter.Storage;

/// <summary>Canonical text of a label set: sorted by name, so equal sets give equal keys in the database.</summary>
internal static class SeriesIdentity
{
    /// <summary>Encodes labels as <c>name=value</c> pairs sorted by name, separated by 0x1F (a byte no
    /// valid label name contains), with values escaped so the encoding is reversible.</summary>
    public static string Canonical(IReadOnlyDictionary<string, string> labels)
    {
        if (labels.Count == 0)
        {
            return string.Empty;
        }

        var names = labels.Keys.ToArray();
        Array.Sort(names, StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var name in names)
        {
            if (text.Length > 0)
            {
                text.Append('\u001f');
            }

            text.Append(name).Append('=').Append(labels[name].Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("\u001f", "\\u", StringComparison.Ordinal));
        }

        return text.ToString();
    }

    /// <summary>Decodes <see cref="Canonical"/>.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string canonical)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (canonical.Length == 0)
        {
            return labels;
        }

        foreach (var pair in canonical.Split('\u001f'))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            labels[pair[..eq]] = Unescape(pair[(eq + 1)..]);
        }

        return labels;
    }

    private static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                i++;
                text.Append(value[i] == 'u' ? '\u001f' : value[i]);
            }
            else
            {
                text.Append(value[i]);
            }
        }

        return text.ToString();
    }
}
