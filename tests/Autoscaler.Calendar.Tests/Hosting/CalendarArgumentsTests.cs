using System.Diagnostics;
using Autoscaler.Calendar.Hosting;

namespace Autoscaler.Calendar.Tests.Hosting;

/// <summary>
/// Regression (new user's trial): "--urls" without a value was silently dropped by ASP.NET's command-line provider and
/// the server started on localhost:5000. Every option without a value, and every argument the provider would ignore,
/// is now an error naming it, with exit code 2 before anything starts.
/// </summary>
public sealed class CalendarArgumentsTests
{
    [Theory]
    [InlineData(new[] { "--urls" }, "--urls: no value (write --urls=<VALUE> or --urls <VALUE>; see --help)")]
    [InlineData(new[] { "--Calendar:Namespaces:0=shop", "--Calendar:PrometheusUrl" }, "--Calendar:PrometheusUrl: no value (write --Calendar:PrometheusUrl=<VALUE> or --Calendar:PrometheusUrl <VALUE>; see --help)")]
    [InlineData(new[] { "--urls", "--Calendar:Namespaces:0=shop" }, "--urls: no value (the next argument, '--Calendar:Namespaces:0=shop', is not a value; write --urls=<VALUE>; see --help)")]
    [InlineData(new[] { "--urls=" }, "--urls: no value after '=' (write --urls=<VALUE>, or leave the option out for its default; see --help)")]
    [InlineData(new[] { "--Calendar:Auth:SharedSecret=  " }, "--Calendar:Auth:SharedSecret: no value after '=' (write --Calendar:Auth:SharedSecret=<VALUE>, or leave the option out for its default; see --help)")]
    [InlineData(new[] { "/urls" }, "/urls: no value (write /urls=<VALUE> or /urls <VALUE>; see --help)")]
    [InlineData(new[] { "-u=http://127.0.0.1:5080" }, "-u=http://127.0.0.1:5080: unknown option (settings are written --KEY=VALUE, e.g. --urls=http://127.0.0.1:5080; see --help)")]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5080", "shop" }, "'shop': unexpected argument (settings are written --KEY=VALUE or --KEY VALUE; see --help)")]
    public void An_option_without_a_value_or_an_ignored_argument_is_an_error_naming_it(string[] args, string expected) =>
        Assert.Equal(expected, Assert.Single(CalendarArguments.Check(args)));

    [Fact]
    public void Every_fault_is_reported_at_once()
    {
        var errors = CalendarArguments.Check(["--urls", "--Calendar:Namespaces:0=", "--Calendar:HistoryStep"]);
        Assert.Collection(
            errors,
            e => Assert.StartsWith("--urls: no value (the next argument, '--Calendar:Namespaces:0='", e, StringComparison.Ordinal),
            e => Assert.StartsWith("--Calendar:Namespaces:0: no value after '='", e, StringComparison.Ordinal),
            e => Assert.StartsWith("--Calendar:HistoryStep: no value (write", e, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("--urls", "http://127.0.0.1:5080", "--Calendar:Namespaces:0=shop", "--Calendar:Auth:LocalUser=pat")]
    [InlineData("--urls=http://0.0.0.0:8080")]
    [InlineData("--Calendar:DefaultLeadTime", "-5m", "--Calendar:Auth:LocalGroups:0=system:masters")]
    public void Options_with_values_pass(params string[] args) => Assert.Empty(CalendarArguments.Check(args));

    [Fact]
    public async Task The_process_exits_2_naming_urls_instead_of_serving_on_localhost_5000()
    {
        var dll = typeof(CalendarArguments).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"autoscaler-calendar --urls still running after 90 s (it started serving?); stdout: {await process.StandardOutput.ReadToEndAsync()}");
        }

        Assert.Equal(CalendarCommandLine.BadUsage, process.ExitCode);
        Assert.StartsWith("error: --urls: no value", await stderr, StringComparison.Ordinal);
    }
}
