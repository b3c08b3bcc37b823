using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace Autoscaler.MetricsAdapter.Auth;

/// <summary>Turns the data of <c>kube-system/extension-apiserver-authentication</c> (§2.5.2) into <see cref="RequestHeaderTrust"/>.</summary>
internal static class TrustMaterialParser
{
    public static RequestHeaderTrust Parse(IDictionary<string, string> data, long generation)
    {
        return new RequestHeaderTrust(
            Pem(data, "requestheader-client-ca-file"),
            List(data, "requestheader-allowed-names", []),
            List(data, "requestheader-username-headers", RequestHeaderTrust.DefaultUsernameHeaders),
            List(data, "requestheader-group-headers", RequestHeaderTrust.DefaultGroupHeaders),
            List(data, "requestheader-extra-headers-prefix", RequestHeaderTrust.DefaultExtraPrefixes),
            List(data, "requestheader-uid-headers", []),
            Pem(data, "client-ca-file"),
            generation);
    }

    /// <summary>Reads a PEM bundle; throws <see cref="FormatException"/> naming the key when it holds no certificate.</summary>
    public static X509Certificate2Collection Pem(IDictionary<string, string> data, string key)
    {
        var collection = new X509Certificate2Collection();
        if (!data.TryGetValue(key, out var pem) || string.IsNullOrWhiteSpace(pem))
        {
            return collection;
        }

        try
        {
            collection.ImportFromPem(pem);
        }
        catch (CryptographicException e)
        {
            throw new FormatException($"{key}: not a PEM certificate bundle: {e.Message}", e);
        }

        return collection.Count > 0 ? collection : throw new FormatException($"{key}: no certificate in the PEM bundle");
    }

    private static IReadOnlyList<string> List(IDictionary<string, string> data, string key, IReadOnlyList<string> fallback)
    {
        if (!data.TryGetValue(key, out var json) || string.IsNullOrWhiteSpace(json))
        {
            return fallback;
        }

        try
        {
            var values = JsonSerializer.Deserialize(json, TrustJsonContext.Default.StringArray) ?? [];
            var cleaned = values.Where(v => !string.IsNullOrWhiteSpace(v)).ToArray();
            // An empty header list means "use the default"; an empty allowed-names list means "any CN".
            return cleaned.Length == 0 && key != "requestheader-allowed-names" ? fallback : cleaned;
        }
        catch (JsonException e)
        {
            throw new FormatException($"{key}: not a JSON array of strings: {e.Message}", e);
        }
    }
}
