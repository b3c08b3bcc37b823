using Autoscaler.Kubernetes.Config;
using Autoscaler.Kubernetes.Errors;
using Autoscaler.Kubernetes.Http;
using Autoscaler.Kubernetes.Tests.Support;

namespace Autoscaler.Kubernetes.Tests.Config;

public sealed class InClusterConfigTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Func<string, string?> Env(string? host, string? port) =>
        name => name switch { "KUBERNETES_SERVICE_HOST" => host, "KUBERNETES_SERVICE_PORT" => port, _ => null };

    private void WriteServiceAccount()
    {
        _dir.Write("token", "token-1");
        _dir.Write("ca.crt", TestPki.SelfSigned("cluster-ca").CertPem);
        _dir.Write("namespace", "autoscaler\n");
    }

    [Fact]
    public void Reads_host_port_token_file_ca_and_namespace()
    {
        WriteServiceAccount();
        var config = InClusterConfigLoader.Load(Env("10.96.0.1", "443"), _dir.Path);
        Assert.Equal(new Uri("https://10.96.0.1:443"), config.Server);
        Assert.Equal(Path.Combine(_dir.Path, "token"), config.TokenFile);
        Assert.Equal("CN=cluster-ca", Assert.Single(config.CertificateAuthorities).Subject);
        Assert.Equal("autoscaler", config.Namespace);
    }

    [Fact]
    public void Ipv6_hosts_are_bracketed()
    {
        WriteServiceAccount();
        Assert.Equal("[fd00::1]", InClusterConfigLoader.Load(Env("fd00::1", "6443"), _dir.Path).Server.Host);
    }

    [Theory]
    [InlineData(null, "443", "not running in a cluster")]
    [InlineData("10.96.0.1", null, "not running in a cluster")]
    [InlineData("10.96.0.1", "https", "is not a port number")]
    public void Missing_or_bad_variables_are_clear_errors(string? host, string? port, string expected)
    {
        WriteServiceAccount();
        Assert.Contains(expected, Assert.Throws<KubernetesConfigException>(() => InClusterConfigLoader.Load(Env(host, port), _dir.Path)).Message,
            StringComparison.Ordinal);
        Assert.Equal(host is not null && port is not null, InClusterConfigLoader.IsInCluster(Env(host, port)));
    }

    [Fact]
    public void Missing_token_file_is_a_clear_error()
    {
        Assert.Contains("token file", Assert.Throws<KubernetesConfigException>(
            () => InClusterConfigLoader.Load(Env("10.96.0.1", "443"), _dir.Path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rotated_token_is_picked_up_after_a_minute_or_at_once_after_a_401()
    {
        var clock = new ManualTimeProvider();
        var file = _dir.Write("token", "token-1");
        var source = new FileTokenSource(file, clock);
        Assert.Equal("token-1", source.GetToken());

        File.WriteAllText(file, "token-2");
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal("token-1", source.GetToken());
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("token-2", source.GetToken());

        File.WriteAllText(file, "token-3\n");
        Assert.Equal("token-2", source.GetToken());
        Assert.True(source.Invalidate());
        Assert.Equal("token-3", source.GetToken());
    }
}
