using System.Security.Cryptography.X509Certificates;
using Autoscaler.Kubernetes.Errors;

namespace Autoscaler.Kubernetes.Config;

/// <summary>Turns the chosen context of a merged kubeconfig into a client configuration.</summary>
internal static class KubeConfigResolver
{
    public static KubernetesClientConfiguration Resolve(MergedKubeConfig config, string? contextName)
    {
        var name = contextName ?? config.CurrentContext;
        if (string.IsNullOrEmpty(name))
        {
            throw new KubernetesConfigException("kubeconfig has no current-context and no context was given");
        }

        if (!config.Contexts.TryGetValue(name, out var context))
        {
            throw new KubernetesConfigException($"kubeconfig has no context named '{name}'");
        }

        var ctx = context.Entry;
        if (string.IsNullOrEmpty(ctx.Cluster) || !config.Clusters.TryGetValue(ctx.Cluster, out var cluster))
        {
            throw new KubernetesConfigException($"kubeconfig {context.File}: context '{name}' names cluster '{ctx.Cluster}', which is not defined");
        }

        (UserEntry Entry, string File) user = (new UserEntry(), context.File);
        if (!string.IsNullOrEmpty(ctx.User) && !config.Users.TryGetValue(ctx.User, out user))
        {
            throw new KubernetesConfigException($"kubeconfig {context.File}: context '{name}' names user '{ctx.User}', which is not defined");
        }

        var where = $"kubeconfig {cluster.File}: clusters[{ctx.Cluster}]";
        var server = ParseServer(cluster.Entry.Server, where);
        var cas = LoadCertificateAuthorities(cluster.Entry, cluster.File, where);
        if (cluster.Entry.InsecureSkipTlsVerify && cas.Count > 0)
        {
            throw new KubernetesConfigException($"{where}: insecure-skip-tls-verify and a certificate authority are mutually exclusive");
        }

        var userWhere = $"kubeconfig {user.File}: users[{ctx.User}]";
        RejectUnsupported(user.Entry, userWhere);
        return new KubernetesClientConfiguration
        {
            Server = server,
            CertificateAuthorities = cas,
            InsecureSkipTlsVerify = cluster.Entry.InsecureSkipTlsVerify,
            TlsServerName = cluster.Entry.TlsServerName,
            ClientCertificate = LoadClientCertificate(user.Entry, user.File, userWhere),
            Token = string.IsNullOrEmpty(user.Entry.Token) ? null : user.Entry.Token,
            TokenFile = string.IsNullOrEmpty(user.Entry.TokenFile) ? null : Relative(user.File, user.Entry.TokenFile),
            Namespace = string.IsNullOrEmpty(ctx.Namespace) ? "default" : ctx.Namespace,
            ImpersonateUser = user.Entry.Impersonate,
            ImpersonateGroups = user.Entry.ImpersonateGroups ?? [],
            ContextName = name,
        };
    }

    private static Uri ParseServer(string? server, string where)
    {
        if (string.IsNullOrEmpty(server))
        {
            throw new KubernetesConfigException($"{where}: server is required");
        }

        if (!Uri.TryCreate(server, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
        {
            throw new KubernetesConfigException($"{where}: server '{server}' is not an http(s) URL");
        }

        return uri;
    }

    private static X509Certificate2Collection LoadCertificateAuthorities(ClusterEntry cluster, string file, string where)
    {
        var pem = Either(cluster.CertificateAuthority, cluster.CertificateAuthorityData, file, where, "certificate-authority");
        return pem is null ? [] : Pem.LoadCertificates(pem, $"{where}: certificate-authority");
    }

    private static X509Certificate2? LoadClientCertificate(UserEntry user, string file, string where)
    {
        var cert = Either(user.ClientCertificate, user.ClientCertificateData, file, where, "client-certificate");
        var key = Either(user.ClientKey, user.ClientKeyData, file, where, "client-key");
        if (cert is null && key is null)
        {
            return null;
        }

        if (cert is null || key is null)
        {
            throw new KubernetesConfigException($"{where}: client-certificate and client-key must be given together");
        }

        return Pem.LoadClientCertificate(cert, key, where);
    }

    // The file and the -data form of one field; setting both is rejected, as client-go does.
    private static string? Either(string? path, string? data, string file, string where, string field)
    {
        var hasPath = !string.IsNullOrEmpty(path);
        var hasData = !string.IsNullOrEmpty(data);
        if (hasPath && hasData)
        {
            throw new KubernetesConfigException($"{where}: {field} and {field}-data are both set; set only one");
        }

        if (hasData)
        {
            return Pem.DecodeBase64(data!, $"{where}: {field}-data");
        }

        if (!hasPath)
        {
            return null;
        }

        var full = Relative(file, path!);
        if (!File.Exists(full))
        {
            throw new KubernetesConfigException($"{where}: {field} file {full} does not exist");
        }

        return File.ReadAllText(full);
    }

    private static string Relative(string kubeconfigFile, string path) =>
        Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(kubeconfigFile) ?? ".", path));

    private static void RejectUnsupported(UserEntry user, string where)
    {
        if (user.Exec is { } exec)
        {
            var command = exec.TryGetValue("command", out var c) ? c?.ToString() : null;
            throw new KubernetesConfigException(
                $"{where}: the exec credential plugin (command '{command}') is not supported by this client; use a client certificate, token or tokenFile");
        }

        if (user.AuthProvider is { } provider)
        {
            var name = provider.TryGetValue("name", out var n) ? n?.ToString() : null;
            throw new KubernetesConfigException($"{where}: auth-provider '{name}' is not supported by this client");
        }

        if (!string.IsNullOrEmpty(user.Username) || !string.IsNullOrEmpty(user.Password))
        {
            throw new KubernetesConfigException($"{where}: basic authentication (username/password) is not supported by this client");
        }
    }
}
