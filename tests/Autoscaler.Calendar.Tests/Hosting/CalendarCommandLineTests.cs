using Autoscaler.Calendar.Hosting;
using Microsoft.Extensions.Configuration;

namespace Autoscaler.Calendar.Tests.Hosting;

/// <summary>
/// The calendar's command line: --help used to start the web server on localhost:5000 (it printed nothing), and bad
/// settings (a typo in a key, HistoryStep=5 minutes, a 10-character shared secret) were silently replaced by defaults
/// or ignored, so the proxy's requests were all refused without a word.
/// </summary>
public sealed class CalendarCommandLineTests
{
    private static IConfiguration Config(params string[] args) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Calendar:Namespaces:0"] = "default", ["Calendar:HistoryStep"] = "5m" })
            .AddCommandLine(args)
            .Build();

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    public void Help_is_recognised_among_other_arguments(string flag) =>
        Assert.True(CalendarCommandLine.WantsHelp(["--urls", "http://127.0.0.1:5080", flag]));

    [Fact]
    public void Ordinary_arguments_are_not_help() =>
        Assert.False(CalendarCommandLine.WantsHelp(["--urls", "http://127.0.0.1:5080", "--Calendar:Namespaces:0=shop"]));

    [Fact]
    public void Help_names_every_setting_the_check_knows_and_its_default()
    {
        foreach (var key in new[] { "Namespaces", "Auth:SharedSecret", "Auth:ProxyClientCaFile", "Auth:LocalUser", "Auth:LocalGroups", "PrometheusUrl", "HistoryCsvDirectory", "RetimeCsvToNow", "HistoryStep", "HistoryWindow", "Forecaster", "DefaultLeadTime", "DataProtectionKeysPath" })
        {
            Assert.Contains($"--Calendar:{key}", CalendarCommandLine.Help, StringComparison.Ordinal);
        }

        Assert.Contains("Default: 14d.", CalendarCommandLine.Help, StringComparison.Ordinal);
        Assert.Contains("exits 2", CalendarCommandLine.Help, StringComparison.Ordinal);
    }

    [Fact]
    public void The_documented_laptop_command_passes_the_check() =>
        Assert.Empty(CalendarCommandLine.Check(Config("--urls", "http://127.0.0.1:5080", "--Calendar:Namespaces:0=shop", "--Calendar:Auth:LocalUser=pat", "--Calendar:Auth:LocalGroups:0=system:masters")));

    [Fact]
    public void Every_bad_setting_is_reported_at_once_with_its_key()
    {
        var errors = CalendarCommandLine.Check(Config(
            "--Calendar:Namespace=shop",
            "--Calendar:HistoryStep=5 minutes",
            "--Calendar:HistoryWindow=0s",
            "--Calendar:Forecaster=prophet",
            "--Calendar:PrometheusUrl=prometheus:9090",
            "--Calendar:Auth:SharedSecret=short",
            "--Calendar:RetimeCsvToNow=yes",
            "--Calendar:HistoryCsvDirectory=/nonexistent/autoscaler-calendar"));

        Assert.Collection(
            errors,
            e => Assert.Equal("Calendar:Namespace: unknown setting (did you mean Calendar:Namespaces? see --help)", e),
            e => Assert.StartsWith("Calendar:HistoryStep: '5 minutes' is not a duration", e, StringComparison.Ordinal),
            e => Assert.Equal("Calendar:HistoryWindow: '0s' must be more than zero", e),
            e => Assert.StartsWith("Calendar:Forecaster: unknown model 'prophet'", e, StringComparison.Ordinal),
            e => Assert.StartsWith("Calendar:PrometheusUrl: 'prometheus:9090' is not an http(s) URL", e, StringComparison.Ordinal),
            e => Assert.Equal("Calendar:HistoryCsvDirectory: directory '/nonexistent/autoscaler-calendar' does not exist", e),
            e => Assert.StartsWith("Calendar:RetimeCsvToNow: 'yes'", e, StringComparison.Ordinal),
            e => Assert.StartsWith("Calendar:Auth:SharedSecret: 5 characters; at least 16", e, StringComparison.Ordinal));
    }

    [Fact]
    public void A_setting_without_a_value_from_the_environment_is_an_error_naming_it()
    {
        // Regression (new user's trial, the class of "--urls" without a value): an empty Calendar__Auth__SharedSecret
        // (an empty Secret) or Calendar__PrometheusUrl= was taken as "not set", silently.
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Calendar:Auth:SharedSecret"] = "", ["Calendar:PrometheusUrl"] = " ", ["Calendar:Namespaces:0"] = "shop" })
            .Build();
        Assert.Equal(
            ["Calendar:Auth:SharedSecret: no value (set one, or remove the setting for its default; see --help)", "Calendar:PrometheusUrl: no value (set one, or remove the setting for its default; see --help)"],
            CalendarCommandLine.Check(config).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_unknown_auth_key_names_the_closest_known_one()
    {
        var error = Assert.Single(CalendarCommandLine.Check(Config("--Calendar:Auth:LocalUsr=pat")));
        Assert.Equal("Calendar:Auth:LocalUsr: unknown setting (did you mean Calendar:Auth:LocalUser? see --help)", error);
    }

    [Fact]
    public void The_shipped_appsettings_pass_the_check()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Autoscaler.sln"))) root = root.Parent;
        Assert.NotNull(root);
        var path = Path.Combine(root.FullName, "src", "Autoscaler.Calendar", "appsettings.json");
        Assert.Empty(CalendarCommandLine.Check(new ConfigurationBuilder().AddJsonFile(path).Build()));
    }

    [Fact]
    public void A_kubeconfig_that_cannot_be_loaded_is_an_error_before_serving()
    {
        // Regression: the calendar started without a usable kubeconfig and answered every API call with an empty 500.
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<k8s.IKubernetes>(
            services, _ => new k8s.Kubernetes(k8s.KubernetesClientConfiguration.BuildConfigFromConfigFile("/nonexistent/kubeconfig")));
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);

        var error = CalendarCommandLine.CheckKubernetes(provider);

        Assert.NotNull(error);
        Assert.StartsWith("Kubernetes connection: ", error, StringComparison.Ordinal);
        Assert.Contains("/nonexistent/kubeconfig", error, StringComparison.Ordinal);
    }
}
