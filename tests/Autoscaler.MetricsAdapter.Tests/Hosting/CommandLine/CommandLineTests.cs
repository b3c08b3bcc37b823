using Autoscaler.MetricsAdapter.Hosting;
using Autoscaler.MetricsAdapter.Hosting.CommandLine;

namespace Autoscaler.MetricsAdapter.Tests.Hosting.CommandLine;

public sealed class CommandLineTests
{
    [Fact]
    public void ParsesFlagsInBothFormsAndPassesSectionsToConfiguration()
    {
        var parsed = AdapterCommandLine.Parse(
            ["--secure-port", "9443", "--bind-address=127.0.0.1", "--insecure-disable-auth", "--requestheader-allowed-names=a,b", "--tls-reload-interval", "500ms", "--Grpc:Port=9090", "--Push:Path", "/data"]);

        var (o, config, errors) = (parsed.Options, parsed.Configuration, parsed.Errors);
        Assert.Empty(errors);
        Assert.Equal(9443, o.SecurePort);
        Assert.Equal("127.0.0.1", o.BindAddress);
        Assert.True(o.Auth.Disabled);
        Assert.Equal(["a", "b"], o.RequestHeaderAllowedNames);
        Assert.Equal(TimeSpan.FromMilliseconds(500), o.TlsReloadInterval);
        Assert.Equal([new("Grpc:Port", "9090"), new KeyValuePair<string, string?>("Push:Path", "/data")], config);
    }

    [Fact]
    public void CollectsEveryErrorWithItsFlag()
    {
        var parsed = AdapterCommandLine.Parse(["--secure-port", "x", "--nope", "--tls-reload-interval=soon", "--insecure-disable-auth=maybe", "--cert-dir"]);
        var (o, errors) = (parsed.Options, parsed.Errors);
        Assert.False(parsed.Serves);
        Assert.Equal(
            ["--secure-port: \"x\" is not a whole number", "--nope: unknown flag (see --help)", "--tls-reload-interval: \"soon\" is not a duration such as 500ms, 10s, 2m", "--insecure-disable-auth: \"maybe\" is not true or false", "--cert-dir: needs a value (DIR)"],
            errors);

        o.SecurePort = 0;
        o.BindAddress = "nowhere";
        o.TlsCertFile = "/does/not/exist";
        var validation = o.Validate();
        Assert.Contains("--secure-port: 0 is not a port (1-65535)", validation);
        Assert.Contains("--bind-address: \"nowhere\" is not an IP address", validation);
        Assert.Contains("--tls-cert-file and --tls-private-key-file must be given together", validation);
        Assert.Contains("--tls-cert-file: file \"/does/not/exist\" does not exist", validation);
    }

    [Fact]
    public void HelpListsEveryFlag()
    {
        var (code, text, _) = CommandLineRun.Of("--help");
        Assert.Equal(0, code);
        Assert.All(AdapterCommandLine.Flags, f => Assert.Contains(f.Option.Name, text, StringComparison.Ordinal));
    }

    [Fact]
    public void HelpColumnsNeverRunIntoEachOther()
    {
        // Issue #14: "--authorization-webhook-cache-unauthorized-ttl DURATION" used to touch its help text.
        var (_, text, _) = CommandLineRun.Of("--help");
        var lines = text.Split('\n');
        var helpColumns = new HashSet<int>();
        foreach (var flag in AdapterCommandLine.Flags)
        {
            var left = flag.ValueHint is null ? flag.Option.Name : $"{flag.Option.Name} <{flag.ValueHint}>";
            var line = Assert.Single(lines, l => l.StartsWith("  " + left + " ", StringComparison.Ordinal));
            var gap = line[(2 + left.Length)..];
            Assert.True(gap.StartsWith("  ", StringComparison.Ordinal), $"at least two spaces after '{left}' in: {line}");
            helpColumns.Add(line.IndexOf(flag.Option.Description!, StringComparison.Ordinal));
        }

        Assert.Single(helpColumns);
    }

    [Fact]
    public void GenerateCertWritesAPairOrExplainsUsage()
    {
        var dir = Directory.CreateTempSubdirectory("adapter-gen-").FullName;
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            Assert.Equal(0, Run(["generate-cert", "--out", dir, "--hosts", "a.b.svc,127.0.0.1", "--days", "2"], output, error));
            using var cert = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(Path.Combine(dir, "tls.crt"), Path.Combine(dir, "tls.key"));
            Assert.True(cert.HasPrivateKey);
            Assert.Equal(2, Run(["generate-cert", "--hosts"], output, error));
            Assert.Equal(2, Run(["generate-cert"], output, error));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    private static int Run(string[] args, TextWriter output, TextWriter error) => AdapterCommandLine.Parse(args).Invoke(output, error);
}
