namespace Autoscaler.MetricsAdapter.Auth;

/// <summary>
/// Authorization attributes derived from a request with Kubernetes' RequestInfo rules (§2.7): resource
/// requests under <c>/apis/&lt;g&gt;/&lt;v&gt;/…</c> and <c>/api/v1/…</c>, everything else non-resource.
/// </summary>
internal sealed record RequestAttributes(
    bool IsResourceRequest,
    string Path,
    string Verb,
    string Namespace = "",
    string Group = "",
    string Version = "",
    string Resource = "",
    string Subresource = "",
    string Name = "")
{
    public static RequestAttributes From(string method, string path)
    {
        var verb = method.ToLowerInvariant();
        var parts = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var nonResource = new RequestAttributes(false, path, verb);
        if (parts.Length < 3 || parts[0] is not ("api" or "apis"))
        {
            return nonResource;
        }

        var rest = parts.AsSpan(1);
        var group = string.Empty;
        if (parts[0] == "apis")
        {
            if (rest.Length < 3)
            {
                return nonResource;
            }

            group = rest[0];
            rest = rest[1..];
        }

        var version = rest[0];
        rest = rest[1..];
        var ns = string.Empty;
        if (rest.Length > 0 && rest[0] == "namespaces" && rest.Length > 1)
        {
            ns = rest[1];
            if (rest.Length > 2 && rest[2] is not ("status" or "finalize"))
            {
                rest = rest[2..];
            }
        }

        var resource = rest.Length > 0 ? rest[0] : string.Empty;
        var name = rest.Length > 1 ? rest[1] : string.Empty;
        var sub = rest.Length > 2 ? rest[2] : string.Empty;
        if (verb == "get" && name.Length == 0)
        {
            verb = "list";
        }

        return new RequestAttributes(true, path, verb, ns, group, version, resource, sub, name);
    }

    /// <summary>The reference stack's 403 message (apiserver's forbiddenMessage + NewForbidden).</summary>
    public string ForbiddenMessage(string user, string reason)
    {
        string detail;
        if (!IsResourceRequest)
        {
            detail = $"User \"{user}\" cannot {Verb} path \"{Path}\"";
        }
        else
        {
            var res = Subresource.Length > 0 ? $"{Resource}/{Subresource}" : Resource;
            detail = Namespace.Length > 0
                ? $"User \"{user}\" cannot {Verb} resource \"{res}\" in API group \"{Group}\" in the namespace \"{Namespace}\""
                : $"User \"{user}\" cannot {Verb} resource \"{res}\" in API group \"{Group}\" at the cluster scope";
        }

        if (reason.Length > 0)
        {
            detail += ": " + reason;
        }

        if (!IsResourceRequest || Resource.Length == 0)
        {
            return "forbidden: " + detail;
        }

        var qualified = Group.Length > 0 ? $"{Resource}.{Group}" : Resource;
        return Name.Length > 0 ? $"{qualified} \"{Name}\" is forbidden: {detail}" : $"{qualified} is forbidden: {detail}";
    }
}
