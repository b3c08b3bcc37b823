using Autoscaler.Kubernetes.LeaderElection;

namespace Autoscaler.Kubernetes.Tests.LeaderElection;

public sealed class LeaderElectionOptionsTests
{
    private static LeaderElectionOptions Options(int lease, int renew, int retryMs) => new()
    {
        LeaseNamespace = "ns", LeaseName = "l", Identity = "me",
        LeaseDuration = TimeSpan.FromSeconds(lease), RenewDeadline = TimeSpan.FromSeconds(renew), RetryPeriod = TimeSpan.FromMilliseconds(retryMs),
    };

    [Fact]
    public void Client_go_defaults_are_valid() => Options(15, 10, 2000).Validate();

    [Theory]
    [InlineData(10, 10, 2000, "LeaseDuration")]
    [InlineData(15, 2, 2000, "RenewDeadline")]
    [InlineData(15, 10, 0, "RetryPeriod")]
    public void Timings_that_would_let_two_leaders_overlap_are_refused(int lease, int renew, int retryMs, string named)
    {
        var e = Assert.Throws<ArgumentException>(() => Options(lease, renew, retryMs).Validate());
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }
}
