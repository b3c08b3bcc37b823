using System.Net;

namespace Autoscaler.MetricsAdapter.Hosting;

/// <summary>The adapter's serving, TLS and delegation settings. Defaults suit an in-cluster Deployment.</summary>
public sealed class AdapterOptions
{
    /// <summary>HTTPS port. Default 8443 (the Service maps 443 to it).</summary>
    public int SecurePort { get; set; } = 8443;

    /// <summary>Address to bind. Default 0.0.0.0 (all interfaces, as a pod needs).</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>PEM serving certificate; when empty a self-signed certificate is generated.</summary>
    public string? TlsCertFile { get; set; }

    /// <summary>PEM private key of <see cref="TlsCertFile"/>.</summary>
    public string? TlsPrivateKeyFile { get; set; }

    /// <summary>Where a generated self-signed certificate is written (apiserver.crt/apiserver.key); empty keeps it in memory.</summary>
    public string? CertDir { get; set; }

    /// <summary>Host names and IPs put in a generated certificate. Default localhost and 127.0.0.1.</summary>
    public IList<string> SelfSignedHosts { get; } = ["localhost", "127.0.0.1"];

    /// <summary>How often the certificate files are checked for changes. Default 10 s.</summary>
    public TimeSpan TlsReloadInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>kubeconfig for TokenReview, SubjectAccessReview and the trust ConfigMap; empty uses in-cluster config.</summary>
    public string? Kubeconfig { get; set; }

    /// <summary>Do not read <c>kube-system/extension-apiserver-authentication</c>; use only the files given here.</summary>
    public bool AuthenticationSkipLookup { get; set; }

    /// <summary>How often the trust ConfigMap is re-read. Default 10 s.</summary>
    public TimeSpan TrustRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Front-proxy CA bundle file; when set it replaces the ConfigMap's CA and lookup is skipped.</summary>
    public string? RequestHeaderClientCaFile { get; set; }

    /// <summary>Allowed front-proxy certificate CNs (empty: any CN signed by the CA).</summary>
    public IList<string> RequestHeaderAllowedNames { get; } = [];

    /// <summary>Ordinary client-certificate CA bundle file (optional).</summary>
    public string? ClientCaFile { get; set; }

    /// <summary>Largest accepted request body. Default 1 MiB (metric reads have no body; pushes are batched).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1 << 20;

    /// <summary>Delegated authentication and authorization settings.</summary>
    public Auth.AuthOptions Auth { get; } = new();

    /// <summary>Every problem with these options, each naming its flag; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (SecurePort is < 1 or > 65535)
        {
            errors.Add($"--secure-port: {SecurePort} is not a port (1-65535)");
        }

        if (!IPAddress.TryParse(BindAddress, out _))
        {
            errors.Add($"--bind-address: \"{BindAddress}\" is not an IP address");
        }

        if (string.IsNullOrEmpty(TlsCertFile) != string.IsNullOrEmpty(TlsPrivateKeyFile))
        {
            errors.Add("--tls-cert-file and --tls-private-key-file must be given together");
        }

        RequireFile(errors, "--tls-cert-file", TlsCertFile);
        RequireFile(errors, "--tls-private-key-file", TlsPrivateKeyFile);
        RequireFile(errors, "--requestheader-client-ca-file", RequestHeaderClientCaFile);
        RequireFile(errors, "--client-ca-file", ClientCaFile);
        RequireFile(errors, "--kubeconfig", Kubeconfig);
        if (TlsReloadInterval < TimeSpan.FromSeconds(1))
        {
            errors.Add("--tls-reload-interval: must be at least 1s");
        }

        if (TrustRefreshInterval < TimeSpan.FromSeconds(1))
        {
            errors.Add("--trust-refresh-interval: must be at least 1s");
        }

        if (MaxRequestBodyBytes < 1024)
        {
            errors.Add("--max-request-body-bytes: must be at least 1024");
        }

        if (Auth.TokenCacheTtl < TimeSpan.Zero || Auth.AuthorizedCacheTtl < TimeSpan.Zero || Auth.UnauthorizedCacheTtl < TimeSpan.Zero)
        {
            errors.Add("cache TTLs may not be negative");
        }

        if (!Auth.Disabled && AuthenticationSkipLookup && string.IsNullOrEmpty(RequestHeaderClientCaFile) && !Autoscaler.Kubernetes.KubernetesClients.IsConfigured(Kubeconfig))
        {
            errors.Add("--authentication-skip-lookup needs --requestheader-client-ca-file (or a cluster to review tokens), or use --insecure-disable-auth for local development");
        }

        return errors;
    }

    private static void RequireFile(List<string> errors, string flag, string? path)
    {
        if (!string.IsNullOrEmpty(path) && !File.Exists(path))
        {
            errors.Add($"{flag}: file \"{path}\" does not exist");
        }
    }
}
