using Autoscaler.Kubernetes.Config;
using Autoscaler.Kubernetes.Errors;
using Autoscaler.Kubernetes.Tests.Support;

namespace Autoscaler.Kubernetes.Tests.Config;

public sealed class KubeConfigLoaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly (string Cert, string Key) _ca = TestPki.SelfSigned("test-ca");
    private readonly (string Cert, string Key) _client = TestPki.SelfSigned("test-user");

    public void Dispose() => _dir.Dispose();

    private string Config(string name, string yaml) => _dir.Write(name, yaml);

    private string WithCertFiles()
    {
        _dir.Write("pki/ca.crt", _ca.Cert);
        _dir.Write("pki/user.crt", _client.Cert);
        _dir.Write("pki/user.key", _client.Key);
        _dir.Write("pki/token", "file-token\n");
        return Config("files.yaml", """
            apiVersion: v1
            kind: Config
            current-context: files
            clusters:
            - name: c-files
              cluster: {server: "https://10.0.0.1:6443", certificate-authority: pki/ca.crt, tls-server-name: kubernetes}
            users:
            - name: u-files
              user: {client-certificate: pki/user.crt, client-key: pki/user.key}
            - name: u-tokenfile
              user: {tokenFile: pki/token}
            contexts:
            - name: files
              context: {cluster: c-files, user: u-files, namespace: shop}
            - name: tokenfile
              context: {cluster: c-files, user: u-tokenfile}
            """);
    }

    [Fact]
    public void File_paths_are_relative_to_the_kubeconfig_and_load_ca_and_client_certificate()
    {
        var config = KubernetesClientConfiguration.FromKubeConfig(kubeconfigPaths: WithCertFiles());
        Assert.Equal(new Uri("https://10.0.0.1:6443"), config.Server);
        Assert.Equal("CN=test-ca", Assert.Single(config.CertificateAuthorities).Subject);
        Assert.Equal("CN=test-user", config.ClientCertificate!.Subject);
        Assert.True(config.ClientCertificate.HasPrivateKey);
        Assert.Equal("kubernetes", config.TlsServerName);
        Assert.Equal("shop", config.Namespace);
        Assert.Equal("files", config.ContextName);
    }

    [Fact]
    public void Explicit_context_with_token_file_overrides_current_context()
    {
        var config = KubernetesClientConfiguration.FromKubeConfig("tokenfile", WithCertFiles());
        Assert.Equal(Path.Combine(_dir.Path, "pki", "token"), config.TokenFile);
        Assert.Null(config.ClientCertificate);
        Assert.Equal("default", config.Namespace);
    }

    [Fact]
    public void Data_fields_are_base64_pem_and_tokens_and_impersonation_are_read()
    {
        var path = Config("data.yaml", $$"""
            current-context: d
            clusters:
            - name: c
              cluster: {server: "https://api.example:443", certificate-authority-data: {{TestPki.Base64(_ca.Cert)}}}
            users:
            - name: u
              user:
                client-certificate-data: {{TestPki.Base64(_client.Cert)}}
                client-key-data: {{TestPki.Base64(_client.Key)}}
                token: abc
                as: alice
                as-groups: [devs, ops]
            contexts:
            - name: d
              context: {cluster: c, user: u}
            """);
        var config = KubernetesClientConfiguration.FromKubeConfig(kubeconfigPaths: path);
        Assert.Single(config.CertificateAuthorities);
        Assert.True(config.ClientCertificate!.HasPrivateKey);
        Assert.Equal("abc", config.Token);
        Assert.Equal("alice", config.ImpersonateUser);
        Assert.Equal(new[] { "devs", "ops" }, config.ImpersonateGroups);
    }

    [Fact]
    public void Several_files_merge_first_name_wins_and_first_current_context_wins()
    {
        var first = Config("first.yaml", """
            current-context: shared
            clusters:
            - name: c
              cluster: {server: "https://first:6443"}
            contexts:
            - name: shared
              context: {cluster: c, user: u}
            """);
        var second = Config("second.yaml", """
            current-context: other
            clusters:
            - name: c
              cluster: {server: "https://second:6443"}
            - name: c2
              cluster: {server: "https://only-in-second:6443"}
            users:
            - name: u
              user: {token: from-second}
            contexts:
            - name: other
              context: {cluster: c2, user: u}
            """);
        var paths = string.Join(Path.PathSeparator, first, second);
        var merged = KubernetesClientConfiguration.FromKubeConfig(kubeconfigPaths: paths);
        Assert.Equal("https://first:6443/", merged.Server.AbsoluteUri);
        Assert.Equal("from-second", merged.Token);
        Assert.Equal("https://only-in-second:6443/", KubernetesClientConfiguration.FromKubeConfig("other", paths).Server.AbsoluteUri);
    }

    [Fact]
    public void Kubeconfig_environment_variable_is_a_path_list_and_missing_files_are_skipped()
    {
        var file = WithCertFiles();
        var paths = KubeConfigLoader.ResolvePaths(null, name => name == "KUBECONFIG" ? $"/nonexistent/a{Path.PathSeparator}{file}" : null);
        Assert.Equal(2, paths.Count);
        Assert.Equal("files", KubeConfigLoader.Load(paths, null).ContextName);
        Assert.Equal(Path.Combine("/home/me", ".kube", "config"), Assert.Single(KubeConfigLoader.ResolvePaths(null, n => n == "HOME" ? "/home/me" : null)));
    }

    [Theory]
    [InlineData("exec: {apiVersion: client.authentication.k8s.io/v1, command: aws, args: [eks, get-token]}", "exec credential plugin (command 'aws')")]
    [InlineData("auth-provider: {name: gcp}", "auth-provider 'gcp'")]
    [InlineData("username: admin\n    password: secret", "basic authentication")]
    [InlineData("client-certificate: a.crt\n    client-certificate-data: Zm9v", "client-certificate and client-certificate-data are both set")]
    public void Unsupported_or_contradictory_users_are_clear_errors_naming_file_and_user(string userYaml, string expected)
    {
        var path = Config("bad.yaml", $"""
            current-context: x
            clusters:
            - name: c
              cluster: {"{"}server: "https://h:1"{"}"}
            users:
            - name: the-user
              user:
                {userYaml}
            contexts:
            - name: x
              context: {"{"}cluster: c, user: the-user{"}"}
            """);
        var e = Assert.Throws<KubernetesConfigException>(() => KubernetesClientConfiguration.FromKubeConfig(kubeconfigPaths: path));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("users[the-user]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_context_cluster_or_server_and_bad_yaml_are_clear_errors()
    {
        var path = WithCertFiles();
        Assert.Contains("no context named 'nope'", Assert.Throws<KubernetesConfigException>(
            () => KubernetesClientConfiguration.FromKubeConfig("nope", path)).Message, StringComparison.Ordinal);

        var noServer = Config("noserver.yaml", "current-context: x\nclusters:\n- name: c\n  cluster: {}\ncontexts:\n- name: x\n  context: {cluster: c}\n");
        Assert.Contains("server is required", Assert.Throws<KubernetesConfigException>(
            () => KubernetesClientConfiguration.FromKubeConfig(kubeconfigPaths: noServer)).Message, StringComparison.Ordinal);

        var broken = Config("broken.yaml", "current-context: x\nclusters:\n- name: [unclosed\n");
        var e = Assert.Throws<KubernetesConfigException>(() => KubernetesClientConfiguration.FromKubeConfig(kubeconfigPaths: broken));
        Assert.Contains($"kubeconfig {broken} line", e.Message, StringComparison.Ordinal);

        Assert.Contains("no kubeconfig file found", Assert.Throws<KubernetesConfigException>(
            () => KubernetesClientConfiguration.FromKubeConfig(kubeconfigPaths: "/nonexistent/x")).Message, StringComparison.Ordinal);
    }
}
