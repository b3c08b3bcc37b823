using System.Text.RegularExpressions;

namespace Autoscaler.Core.Labels;

/// <summary>Kubernetes validation of label keys (qualified names) and label values.</summary>
public static partial class LabelValidation
{
    /// <summary>Returns null when <paramref name="key"/> is a valid label key, else the reason it is not.</summary>
    public static string? ValidateKey(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? key : key[(slash + 1)..];
        if (slash >= 0)
        {
            var prefix = key[..slash];
            if (prefix.Length == 0)
            {
                return $"invalid label key \"{key}\": prefix part must be non-empty";
            }

            if (prefix.Length > 253 || !Dns1123Subdomain().IsMatch(prefix))
            {
                return $"invalid label key \"{key}\": prefix part must be a lowercase RFC 1123 subdomain of at most 253 characters";
            }
        }

        if (name.Length == 0)
        {
            return $"invalid label key \"{key}\": name part must be non-empty";
        }

        if (name.Length > 63 || !QualifiedName().IsMatch(name))
        {
            return $"invalid label key \"{key}\": name part must be at most 63 characters of alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric";
        }

        return null;
    }

    /// <summary>Returns null when <paramref name="value"/> is a valid label value, else the reason it is not.</summary>
    public static string? ValidateValue(string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        return value.Length <= 63 && QualifiedName().IsMatch(value)
            ? null
            : $"invalid label value \"{value}\": must be at most 63 characters of alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric";
    }

    [GeneratedRegex("^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex QualifiedName();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Dns1123Subdomain();
}
