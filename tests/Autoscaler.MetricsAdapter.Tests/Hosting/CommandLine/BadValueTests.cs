using Autoscaler.MetricsAdapter.Hosting.CommandLine;

namespace Autoscaler.MetricsAdapter.Tests.Hosting.CommandLine;

public sealed class BadValueTests
{
    [Theory]
    [InlineData("--max-request-body-bytes: \"lots\" is not a whole number", "--max-request-body-bytes=lots")]
    [InlineData("--secure-port: \"-1\" is not a whole number", "--secure-port=-1")]
    [InlineData("--secure-port: 70000 is not a port (1-65535)", "--secure-port", "70000")]
    [InlineData("--tls-reload-interval: \"10\" is not a duration such as 500ms, 10s, 2m", "--tls-reload-interval=10")]
    [InlineData("--tls-reload-interval: must be at least 1s", "--tls-reload-interval=500ms")]
    [InlineData("--max-request-body-bytes: must be at least 1024", "--max-request-body-bytes=10")]
    [InlineData("--bind-address: \"nowhere\" is not an IP address", "--bind-address", "nowhere")]
    [InlineData("--self-signed-hosts: needs a value (LIST)", "--self-signed-hosts")]
    [InlineData("--insecure-disable-auth: \"maybe\" is not true or false", "--insecure-disable-auth", "maybe")]
    [InlineData("--secure-prot: unknown flag (did you mean --secure-port? see --help)", "--secure-prot=1")]
    [InlineData("--kube-config: unknown flag (did you mean --kubeconfig? see --help)", "--kube-config=x")]
    [InlineData("--verbose: unknown flag (see --help)", "--verbose")]
    [InlineData("--out: unknown flag (see --help)", "--out", "x")]
    [InlineData("--day: unknown flag (did you mean --days? see --help)", "generate-cert", "--out", "unused", "--day", "3")]
    [InlineData("\"2\": unexpected argument (each flag takes at most one value; see --help)", "--secure-port", "1", "2")]
    [InlineData("--days: must be at least 1", "generate-cert", "--out", "unused", "--days", "0")]
    [InlineData("--hosts: may not be empty", "generate-cert", "--out", "unused", "--hosts=,")]
    [InlineData("--days: \"x\" is not a whole number", "generate-cert", "--out", "unused", "--days", "x")]
    public void ExitTwoNamingTheFlagAndWriteNothing(string expected, params string[] args)
    {
        var (code, output, error) = CommandLineRun.Of(args);
        Assert.Equal(2, code);
        Assert.Empty(output);
        var lines = error.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(["error: " + expected, "see --help"], lines);
        Assert.False(Directory.Exists("unused"), "generate-cert wrote nothing on bad input");
    }

    [Fact]
    public void AParseErrorDoesNotHideAnotherFlagsBadValue()
    {
        // Regression: the duration's parse error used to stop validation, so the port went unreported.
        var (code, output, error) = CommandLineRun.Of("--secure-port", "70000", "--tls-reload-interval", "10");
        Assert.Equal(2, code);
        Assert.Empty(output);
        var lines = error.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(
            ["error: --tls-reload-interval: \"10\" is not a duration such as 500ms, 10s, 2m", "error: --secure-port: 70000 is not a port (1-65535)", "see --help"],
            lines);
    }

    [Fact]
    public void ARepeatedFlagsLastValueWinsAsWithGoFlags()
    {
        var parsed = AdapterCommandLine.Parse(["--secure-port=1", "--secure-port", "2", "--insecure-disable-auth", "--insecure-disable-auth=false"]);
        Assert.Empty(parsed.Errors);
        Assert.Equal(2, parsed.Options.SecurePort);
        Assert.False(parsed.Options.Auth.Disabled);
    }

    [Fact]
    public void FlagsNotGivenKeepTheOptionsDefaults()
    {
        var parsed = AdapterCommandLine.Parse(["--insecure-disable-auth"]);
        Assert.True(parsed.Serves);
        Assert.Equal(8443, parsed.Options.SecurePort);
        Assert.Equal(["localhost", "127.0.0.1"], parsed.Options.SelfSignedHosts);
        Assert.Equal(TimeSpan.FromSeconds(10), parsed.Options.TrustRefreshInterval);
        Assert.True(parsed.Options.Auth.Disabled);
    }
}
