using Autoscaler.MetricsAdapter.Hosting;

namespace Autoscaler.MetricsAdapter.Tests.Hosting;

public sealed class CommandLineTests
{
    [Fact]
    public void ParsesFlagsInBothFormsAndPassesSectionsToConfiguration()
    {
        var (o, config, errors, help) = AdapterCommandLine.Parse(
            ["--secure-port", "9443", "--bind-address=127.0.0.1", "--insecure-disable-auth", "--requestheader-allowed-names=a,b", "--tls-reload-interval", "500ms", "--Grpc:Port=9090", "--Push:Path", "/data"]);

        Assert.Empty(errors);
        Assert.False(help);
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
        var (o, _, errors, _) = AdapterCommandLine.Parse(["--secure-port", "x", "--nope", "--tls-reload-interval=soon", "--insecure-disable-auth=maybe", "--cert-dir"]);
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
        Assert.True(AdapterCommandLine.Parse(["--help"]).Help);
        var text = AdapterCommandLine.Help();
        Assert.All(AdapterCommandLine.Flags, f => Assert.Contains(f.Name, text, StringComparison.Ordinal));
    }

    [Fact]
    public void HelpColumnsNeverRunIntoEachOther()
    {
        // Issue #14: "--authorization-webhook-cache-unauthorized-ttl DURATION" used to touch its help text.
        var lines = AdapterCommandLine.Help().Split('\n').Where(l => l.StartsWith("  --", StringComparison.Ordinal) && !l.Contains("--Push:", StringComparison.Ordinal)).ToList();
        var helpColumns = new HashSet<int>();
        foreach (var flag in AdapterCommandLine.Flags)
        {
            var left = flag.IsSwitch ? flag.Name : $"{flag.Name} {flag.ValueHint}";
            var line = Assert.Single(lines, l => l.StartsWith("  " + left + " ", StringComparison.Ordinal));
            var gap = line[(2 + left.Length)..];
            Assert.True(gap.StartsWith("   ", StringComparison.Ordinal), $"at least three spaces after '{left}' in: {line}");
            helpColumns.Add(line.IndexOf(flag.Help, StringComparison.Ordinal));
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
            Assert.Equal(0, GenerateCertCommand.Run(["--out", dir, "--hosts", "a.b.svc,127.0.0.1", "--days", "2"], output, error));
            using var cert = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(Path.Combine(dir, "tls.crt"), Path.Combine(dir, "tls.key"));
            Assert.True(cert.HasPrivateKey);
            Assert.Equal(2, GenerateCertCommand.Run(["--hosts"], output, error));
            Assert.Equal(2, GenerateCertCommand.Run([], output, error));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
