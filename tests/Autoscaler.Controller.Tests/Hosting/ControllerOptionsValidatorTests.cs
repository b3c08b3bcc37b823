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
}
