using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http;

namespace Autoscaler.MetricsAdapter.Auth;

/// <summary>
/// Front-proxy authentication (§2.5.1 step 1) and ordinary x509 client certificates (step 2). X-Remote-*
/// headers are honoured only when the connection's certificate verifies against the requestheader CA and
/// its CN is allowed.
/// </summary>
internal sealed class RequestHeaderAuthenticator(ClientCertificateVerifier verifier)
{
    public AuthenticationResult Authenticate(HttpContext context, X509Certificate2? certificate, RequestHeaderTrust trust)
    {
        if (certificate is null)
        {
            return AuthenticationResult.NotApplicable;
        }

        if (trust.RequestHeaderEnabled && verifier.Verify(certificate, trust.RequestHeaderCa, trust.Generation, requestHeader: true))
        {
            var cn = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
            if (trust.AllowedNames.Count > 0 && !trust.AllowedNames.Contains(cn, StringComparer.Ordinal))
            {
                return AuthenticationResult.Fail($"client certificate CN \"{cn}\" is not an allowed requestheader name");
            }

            return FromHeaders(context.Request.Headers, trust);
        }

        return trust.ClientCa.Count > 0 && AuthenticateClientCertificate(certificate, trust) is { Succeeded: true } ordinary
            ? ordinary
            : AuthenticationResult.Fail("client certificate does not verify against the requestheader or client CA");
    }

    /// <summary>An ordinary x509 client certificate (§2.5.1 step 2) only: user = CN, groups = O when it chains to the
    /// client CA with the clientAuth usage. Identity headers are never read here.</summary>
    public AuthenticationResult AuthenticateClientCertificate(X509Certificate2 certificate, RequestHeaderTrust trust)
    {
        if (trust.ClientCa.Count == 0 || !verifier.Verify(certificate, trust.ClientCa, trust.Generation, requestHeader: false))
        {
            return AuthenticationResult.Fail("client certificate does not verify against the client CA");
        }

        var name = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        return AuthenticationResult.Success(AuthenticatedUser.Create(name, string.Empty, Organizations(certificate), null));
    }

    /// <summary>Removes every identity header so nothing downstream can read a spoofed one.</summary>
    public static void StripIdentityHeaders(IHeaderDictionary headers, RequestHeaderTrust? trust)
    {
        RemoveAll(headers, trust?.UsernameHeaders ?? RequestHeaderTrust.DefaultUsernameHeaders);
        RemoveAll(headers, trust?.GroupHeaders ?? RequestHeaderTrust.DefaultGroupHeaders);
        RemoveAll(headers, trust?.UidHeaders ?? DefaultUidHeaders);
        var prefixes = trust?.ExtraHeaderPrefixes ?? RequestHeaderTrust.DefaultExtraPrefixes;
        List<string>? extra = null;
        foreach (var key in headers.Keys)
        {
            foreach (var p in prefixes)
            {
                if (key.StartsWith(p, StringComparison.OrdinalIgnoreCase))
                {
                    (extra ??= []).Add(key);
                    break;
                }
            }
        }

        if (extra is not null)
        {
            RemoveAll(headers, extra);
        }
    }

    private static readonly string[] DefaultUidHeaders = ["X-Remote-Uid"];

    private static void RemoveAll(IHeaderDictionary headers, IReadOnlyList<string> names)
    {
        for (var i = 0; i < names.Count; i++)
        {
            headers.Remove(names[i]);
        }
    }

    private static AuthenticationResult FromHeaders(IHeaderDictionary headers, RequestHeaderTrust trust)
    {
        var user = trust.UsernameHeaders.Select(h => headers[h].FirstOrDefault(v => !string.IsNullOrEmpty(v))).FirstOrDefault(v => v is not null);
        if (user is null)
        {
            // A trusted proxy that names no user: this authenticator does not apply.
            return AuthenticationResult.NotApplicable;
        }

        // One header field per group: never split values on commas.
        var groups = trust.GroupHeaders.SelectMany(h => headers[h].Where(v => !string.IsNullOrEmpty(v))).Select(v => v!).ToList();
        var uid = trust.UidHeaders.Select(h => headers[h].FirstOrDefault(v => !string.IsNullOrEmpty(v))).FirstOrDefault(v => v is not null) ?? string.Empty;
        var extra = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in headers)
        {
            var prefix = trust.ExtraHeaderPrefixes.FirstOrDefault(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
            if (prefix is null || name.Length == prefix.Length)
            {
                continue;
            }

            var key = Uri.UnescapeDataString(name[prefix.Length..].ToLowerInvariant());
            if (!extra.TryGetValue(key, out var list))
            {
                extra[key] = list = [];
            }

            list.AddRange(values.Where(v => v is not null).Select(v => v!));
        }

        return AuthenticationResult.Success(AuthenticatedUser.Create(user, uid, groups, extra.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value, StringComparer.Ordinal)));
    }

    private static IEnumerable<string> Organizations(X509Certificate2 certificate) =>
        certificate.SubjectName.EnumerateRelativeDistinguishedNames()
            .Where(r => r.GetSingleElementType().Value == "2.5.4.10")
            .Select(r => r.GetSingleElementValue() ?? string.Empty);
}
