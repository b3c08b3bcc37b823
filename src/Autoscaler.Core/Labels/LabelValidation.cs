using System.Text;
using System.Text.RegularExpressions;

namespace Autoscaler.Core.Labels;

/// <summary>
/// Kubernetes validation of label keys (qualified names) and label values, with apimachinery's texts
/// (k8s.io/apimachinery/pkg/util/validation: IsQualifiedName, IsValidLabelValue; field.Invalid formatting).
/// </summary>
public static partial class LabelValidation
{
    private const string QualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private const string QualifiedNameMessage = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private const string LabelValueFormat = "(" + QualifiedNameFormat + ")?";
    private const string LabelValueMessage = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
    private const string SubdomainFormat = @"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
    private const string SubdomainMessage = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

    /// <summary>Returns null when <paramref name="key"/> is a valid label key, else apimachinery's reasons joined by "; ".</summary>
    public static string? ValidateKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var errors = new List<string>();
        var parts = key.Split('/');
        string name;
        switch (parts.Length)
        {
            case 1:
                name = parts[0];
                break;
            case 2:
                name = parts[1];
                var prefix = parts[0];
                if (prefix.Length == 0)
                {
                    errors.Add("prefix part must be non-empty");
                }
                else
                {
                    if (prefix.Length > 253)
                    {
                        errors.Add("prefix part must be no more than 253 characters");
                    }

                    if (!Dns1123Subdomain().IsMatch(prefix))
                    {
                        errors.Add("prefix part " + RegexError(SubdomainMessage, SubdomainFormat, "example.com"));
                    }
                }

                break;
            default:
                return "a qualified name " + RegexError(QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc") +
                       " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
        }

        if (name.Length == 0)
        {
            errors.Add("name part must be non-empty");
        }
        else if (name.Length > 63)
        {
            errors.Add("name part must be no more than 63 characters");
        }

        if (!QualifiedName().IsMatch(name))
        {
            errors.Add("name part " + RegexError(QualifiedNameMessage, QualifiedNameFormat, "MyName", "my.name", "123-abc"));
        }

        return errors.Count == 0 ? null : string.Join("; ", errors);
    }

    /// <summary>Returns null when <paramref name="value"/> is a valid label value, else apimachinery's reasons joined by "; ".</summary>
    public static string? ValidateValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errors = new List<string>();
        if (value.Length > 63)
        {
            errors.Add("must be no more than 63 characters");
        }

        if (value.Length > 0 && !QualifiedName().IsMatch(value))
        {
            errors.Add(RegexError(LabelValueMessage, LabelValueFormat, "MyValue", "my_value", "12345"));
        }

        return errors.Count == 0 ? null : string.Join("; ", errors);
    }

    /// <summary>apimachinery's field.Invalid text: <c>path: Invalid value: "bad": detail</c> (the value quoted as Go's %q does).</summary>
    public static string InvalidField(string path, string badValue, string detail) => $"{path}: Invalid value: {GoQuote(badValue)}: {detail}";

    /// <summary>Quotes like Go's <c>%q</c> for the characters label input can hold.</summary>
    public static string GoQuote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' or '\u007f' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return text.Append('"').ToString();
    }

    // validation.RegexError: msg (e.g. 'a',  or 'b', regex used for validation is 'fmt').
    private static string RegexError(string message, string format, params string[] examples)
    {
        var text = new StringBuilder(message).Append(" (e.g. ");
        for (var i = 0; i < examples.Length; i++)
        {
            if (i > 0)
            {
                text.Append(" or ");
            }

            text.Append('\'').Append(examples[i]).Append("', ");
        }

        return text.Append("regex used for validation is '").Append(format).Append("')").ToString();
    }

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex QualifiedName();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123Subdomain();
}
