using Autoscaler.MetricsAdapter.Hosting;
using Autoscaler.MetricsAdapter.Hosting.CommandLine;

namespace Autoscaler.MetricsAdapter.Tests.Hosting.CommandLine;

public sealed class HelpTests
{
    [Fact]
    public void EveryFlagStatesItsMeaningAndDefault()
    {
        var (code, text, err) = CommandLineRun.Of("--help");
        Assert.Equal(0, code);
        Assert.Empty(err);
        foreach (var flag in AdapterCommandLine.Flags)
        {
            var line = Assert.Single(text.Split('\n'), l => l.StartsWith("  " + flag.Option.Name + " ", StringComparison.Ordinal));
            Assert.Contains("Default:", line, StringComparison.Ordinal);
            Assert.True(line.Length > flag.Option.Name.Length + 40, $"a sentence of meaning, not a word: {line}");
        }
    }

    [Fact]
    public void DefaultsInHelpAreTheOptionsDefaults()
    {
        var (_, text, _) = CommandLineRun.Of("--help");
        var defaults = new AdapterOptions();
        Assert.Contains($"Default: {defaults.SecurePort}.", Line(text, "--secure-port"), StringComparison.Ordinal);
        Assert.Contains($"Default: {defaults.BindAddress} ", Line(text, "--bind-address"), StringComparison.Ordinal);
        Assert.Contains($"Default: {defaults.MaxRequestBodyBytes} ", Line(text, "--max-request-body-bytes"), StringComparison.Ordinal);
        Assert.Contains("Default: 10s.", Line(text, "--tls-reload-interval"), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(10), defaults.TlsReloadInterval);
        Assert.Contains("Default: " + string.Join(',', defaults.Auth.AlwaysAllowPaths) + ".", Line(text, "--authorization-always-allow-paths"), StringComparison.Ordinal);
    }

    [Fact]
    public void HelpNamesEveryOptionsSectionIncludingTheFloorSwitch()
    {
        // Regression: help gave three example sections, so --Floors:Enabled=true (which docs/controller.md's externalMetric
        // actuation needs) could not be found from --help.
        var (_, text, _) = CommandLineRun.Of("--help");
        foreach (var section in new[] { "Push", "Storage", "Grpc", "Keda", "History", "RemoteWrite", "Prometheus", "Staleness", "Objects", "Floors" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }

        Assert.Contains("--Floors:Enabled=true", text, StringComparison.Ordinal);
    }

    [Fact]
    public void UsageNamesTheDocumentedCommandNotTheAssembly()
    {
        var (_, text, _) = CommandLineRun.Of("--help");
        Assert.Contains("  autoscaler-metrics-adapter [command] [options]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Autoscaler.MetricsAdapter", text, StringComparison.Ordinal);
        Assert.DoesNotContain("testhost", text, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpNamesUnitsAndTheWaysToConfigureSources()
    {
        var (_, text, _) = CommandLineRun.Of("-h");
        Assert.Contains("--tls-reload-interval <DURATION>", text, StringComparison.Ordinal);
        Assert.Contains("--max-request-body-bytes <BYTES>", text, StringComparison.Ordinal);
        Assert.Contains("in bytes", Line(text, "--max-request-body-bytes"), StringComparison.Ordinal);
        Assert.Contains("500ms, 10s, 2m", text, StringComparison.Ordinal);
        Assert.Contains("--Section:Key=value", text, StringComparison.Ordinal);
        Assert.Contains("Section__Key", text, StringComparison.Ordinal);
        Assert.Contains("exits 2", text, StringComparison.Ordinal);
        Assert.Contains("generate-cert", text, StringComparison.Ordinal);
    }

    [Fact]
    public void GenerateCertHasItsOwnHelp()
    {
        var (code, text, _) = CommandLineRun.Of("generate-cert", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--out <DIR>", text, StringComparison.Ordinal);
        Assert.Contains("Default: localhost,127.0.0.1.", Line(text, "--hosts"), StringComparison.Ordinal);
        Assert.Contains("Default: 365.", Line(text, "--days"), StringComparison.Ordinal);
    }

    [Fact]
    public void HelpDoesNotPromiseArgumentsTheAdapterRejects()
    {
        var (_, text, _) = CommandLineRun.Of("--help");
        Assert.DoesNotContain("additional arguments", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ShellCompletionAndVersionComeFromTheLibrary()
    {
        var (code, text, err) = CommandLineRun.Of("[suggest:5]", "--sec");
        Assert.Equal(0, code);
        Assert.Empty(err);
        Assert.Equal("--secure-port", text.Trim());
        Assert.Equal(0, CommandLineRun.Of("--version").Code);
    }

    private static string Line(string text, string flag) =>
        Assert.Single(text.Split('\n'), l => l.StartsWith("  " + flag + " ", StringComparison.Ordinal));
}
