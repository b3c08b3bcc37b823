using System.CommandLine;
using System.CommandLine.Help;
using Autoscaler.Controller.Hosting;

namespace Autoscaler.Controller.Tests.Hosting;

public sealed class ControllerCommandTests
{
    private const string Hint = "Run 'autoscaler-controller --help' for usage.";

    [Fact]
    public async Task A_misspelt_flag_exits_2_with_one_error_and_the_hint_not_the_help()
    {
        var (code, output, error) = await Run("--sync-perod", "30s");
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Equal(["error: --sync-perod: unknown flag (did you mean --sync-period?)", Hint], Lines(error));
    }

    [Fact]
    public async Task A_bad_duration_exits_2_naming_the_flag_without_the_help()
    {
        var (code, output, error) = await Run("--sync-period", "30");
        Assert.Equal(2, code);
        Assert.Empty(output);
        var lines = Lines(error);
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("error: --sync-period: '30' is not a duration", lines[0], StringComparison.Ordinal);
        Assert.Equal(Hint, lines[1]);
        Assert.DoesNotContain("Options:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_and_validation_errors_are_reported_all_at_once()
    {
        var (code, _, error) = await Run("--sync-period", "30", "--http-port", "x", "--decisions-kept", "50", "--http-address", "nowhere", "--bogus");
        Assert.Equal(2, code);
        Assert.Equal(
            [
                "error: --sync-period: '30' is not a duration: unknown unit '' (use ms, s, m, h, d or w)",
                "error: --http-port: 'x' is not a whole number",
                "error: --bogus: unknown flag",
                "error: --decisions-kept must be within 1..20 (the CRD keeps at most 20; got 50)",
                "error: --http-address: 'nowhere' is not an IP address",
                Hint,
            ],
            Lines(error));
    }

    [Fact]
    public async Task A_flag_without_its_value_is_named_with_its_placeholder()
    {
        var (code, _, error) = await Run("--sync-period=30s", "--identity");
        Assert.Equal(2, code);
        Assert.Equal(["error: --identity: needs a value (NAME)", Hint], Lines(error));
    }

    [Fact]
    public async Task Help_states_each_default_once_in_the_flags_own_format()
    {
        var (code, text, error) = await Run("--help");
        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.DoesNotContain("[default:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("00:00:", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Environment.MachineName, text, StringComparison.Ordinal);
        Assert.Contains("  autoscaler-controller [options]", text, StringComparison.Ordinal);
        Assert.EndsWith("Default: 30s.", Line(text, "--sync-period <DURATION>"), StringComparison.Ordinal);
        Assert.EndsWith("Default: 1m.", Line(text, "--default-pod-startup <DURATION>"), StringComparison.Ordinal);
        Assert.Contains("Default: $POD_NAME, else the host name.", Line(text, "--identity <NAME>"), StringComparison.Ordinal);
        Assert.Contains("Default: 0.0.0.0 (all interfaces", Line(text, "--http-address <IP>"), StringComparison.Ordinal);
        Assert.EndsWith("Default: 8080.", Line(text, "--http-port <PORT>"), StringComparison.Ordinal);
        foreach (var placeholder in new[] { "--kubeconfig <FILE>", "--prometheus-url <URL>", "--adapter-url <URL>", "--decisions-kept <N>" })
        {
            Assert.Contains(placeholder, text, StringComparison.Ordinal);
        }

        foreach (var option in ControllerCommand.Create().Options.Where(o => o is not HelpOption and not VersionOption))
        {
            var line = Line(text, option.Name + " ");
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(line, "Default:"));
        }
    }

    [Fact]
    public async Task The_helps_example_is_a_valid_command_that_keeps_the_approval_endpoint_local()
    {
        // Regression: the example run outside a cluster listened on 0.0.0.0, exposing POST /approve on the host's network,
        // while docs/controller.md says to use 127.0.0.1 there.
        var (_, text, _) = await Run("--help");
        var example = Assert.Single(text.Split('\n'), l => l.TrimStart().StartsWith("autoscaler-controller --kubeconfig", StringComparison.Ordinal)).Trim();
        var args = example.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..];
        var flags = new ControllerFlags();
        var root = new RootCommand();
        foreach (var option in flags.All)
        {
            root.Add(option);
        }

        var parsed = root.Parse(args);
        Assert.Empty(parsed.Errors);
        Assert.Equal("127.0.0.1", flags.ToOptions(parsed).HttpAddress);
    }

    [Fact]
    public void Flags_not_given_keep_the_options_defaults_and_given_ones_land()
    {
        var flags = new ControllerFlags();
        var root = new RootCommand();
        foreach (var option in flags.All)
        {
            root.Add(option);
        }

        var defaults = flags.ToOptions(root.Parse(["--http-address", "127.0.0.1", "--sync-period", "2s", "--no-leader-election"]));
        Assert.Equal("127.0.0.1", defaults.HttpAddress);
        Assert.Equal(TimeSpan.FromSeconds(2), defaults.SyncPeriod);
        Assert.True(defaults.DisableLeaderElection);
        Assert.Equal(new ControllerOptions().HttpPort, defaults.HttpPort);
        Assert.Equal(new ControllerOptions().LeaseDuration, defaults.LeaseDuration);
        Assert.Equal(new ControllerOptions().DecisionsKept, defaults.DecisionsKept);
    }

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ControllerCommand.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static List<string> Lines(string text) => text.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();

    private static string Line(string help, string start) =>
        Assert.Single(help.Split('\n'), l => l.StartsWith("  " + start, StringComparison.Ordinal)).TrimEnd('\r', ' ');
}
