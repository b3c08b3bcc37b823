using Autoscaler.Controller.Hosting;

namespace Autoscaler.Controller.Tests.Hosting;

public sealed class ControllerOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid() => Assert.Empty(ControllerOptionsValidator.Validate(new ControllerOptions()));

    [Fact]
    public void Every_problem_is_reported_with_its_flag()
    {
        var errors = ControllerOptionsValidator.Validate(new ControllerOptions
        {
            RenewDeadline = TimeSpan.FromSeconds(20), DecisionsKept = 50, Kubeconfig = "/nonexistent/kubeconfig",
        });
        Assert.Contains(errors, e => e.StartsWith("--renew-deadline", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--decisions-kept", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("--kubeconfig", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0.0.0.0", true)]
    [InlineData("127.0.0.1", true)]
    [InlineData("::", true)]
    [InlineData("localhost", false)]
    public void The_http_address_must_be_an_IP(string address, bool valid)
    {
        var errors = ControllerOptionsValidator.Validate(new ControllerOptions { HttpAddress = address });
        Assert.Equal(valid, errors.Count == 0);
        Assert.All(errors, e => Assert.StartsWith("--http-address: ", e, StringComparison.Ordinal));
    }

    [Fact]
    public void The_adapter_flags_need_https_and_existing_files()
    {
        var errors = ControllerOptionsValidator.Validate(new ControllerOptions
        {
            AdapterUrl = new Uri("http://metrics-adapter.autoscaler.svc/"), AdapterCaFile = "/nonexistent/ca.crt", AdapterTokenFile = "/nonexistent/token",
        });
        Assert.Contains(errors, e => e.StartsWith("--adapter-url must be an absolute https:// URL", StringComparison.Ordinal));
        Assert.Contains(errors, e => e == "--adapter-ca-file: no file at /nonexistent/ca.crt");
        Assert.Contains(errors, e => e == "--adapter-token-file: no file at /nonexistent/token");
        Assert.Empty(ControllerOptionsValidator.Validate(new ControllerOptions { AdapterUrl = new Uri("https://metrics-adapter.autoscaler.svc/") }));
    }
}
