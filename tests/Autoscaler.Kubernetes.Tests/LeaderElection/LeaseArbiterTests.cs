using Autoscaler.Kubernetes.LeaderElection;
using Autoscaler.Kubernetes.Models;
using Autoscaler.Kubernetes.Tests.Support;

namespace Autoscaler.Kubernetes.Tests.LeaderElection;

public sealed class LeaseArbiterTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(15);
    private readonly ManualTimeProvider _clock = new();

    private LeaseArbiter Arbiter(string me) => new(me, Duration, _clock);

    private static LeaseSpec HeldBy(string holder, DateTimeOffset renew, int transitions = 2) => new()
    {
        HolderIdentity = holder, LeaseDurationSeconds = 15, AcquireTime = renew.AddMinutes(-5), RenewTime = renew, LeaseTransitions = transitions,
    };

    [Fact]
    public void Missing_lease_is_created_with_us_as_holder_and_zero_transitions()
    {
        var (action, spec) = Arbiter("me").Decide(null);
        Assert.Equal(LeaseAction.Create, action);
        Assert.Equal("me", spec!.HolderIdentity);
        Assert.Equal(15, spec.LeaseDurationSeconds);
        Assert.Equal(_clock.GetUtcNow(), spec.AcquireTime);
        Assert.Equal(0, spec.LeaseTransitions);
    }

    [Fact]
    public void Another_holder_is_respected_until_the_lease_duration_passes_without_a_change_on_our_clock()
    {
        var arbiter = Arbiter("me");
        var lease = HeldBy("other", _clock.GetUtcNow());
        Assert.Equal(LeaseAction.Wait, arbiter.Decide(lease).Action);
        _clock.Advance(Duration - TimeSpan.FromMilliseconds(1));
        Assert.Equal(LeaseAction.Wait, arbiter.Decide(lease).Action);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        var (action, spec) = arbiter.Decide(lease);
        Assert.Equal(LeaseAction.Update, action);
        Assert.Equal("me", spec!.HolderIdentity);
        Assert.Equal(3, spec.LeaseTransitions);
        Assert.Equal(_clock.GetUtcNow(), spec.AcquireTime);
    }

    [Fact]
    public void A_holder_that_keeps_renewing_is_never_overtaken()
    {
        var arbiter = Arbiter("me");
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(LeaseAction.Wait, arbiter.Decide(HeldBy("other", _clock.GetUtcNow())).Action);
            _clock.Advance(TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public void Expiry_ignores_the_remote_renew_time_so_clock_skew_cannot_cause_a_takeover()
    {
        // The holder's clock runs an hour behind ours: its renewTime looks long expired, but we only
        // just observed the record, so it is still valid.
        var arbiter = Arbiter("me");
        Assert.Equal(LeaseAction.Wait, arbiter.Decide(HeldBy("other", _clock.GetUtcNow().AddHours(-1))).Action);
    }

    [Fact]
    public void Renewing_our_own_lease_keeps_acquire_time_and_transitions()
    {
        var arbiter = Arbiter("me");
        var mine = HeldBy("me", _clock.GetUtcNow(), transitions: 4);
        _clock.Advance(TimeSpan.FromSeconds(2));
        var (action, spec) = arbiter.Decide(mine);
        Assert.Equal(LeaseAction.Update, action);
        Assert.Equal(mine.AcquireTime, spec!.AcquireTime);
        Assert.Equal(4, spec.LeaseTransitions);
        Assert.Equal(_clock.GetUtcNow(), spec.RenewTime);
    }

    [Fact]
    public void A_released_lease_with_no_holder_is_taken_at_once()
    {
        var released = new LeaseSpec { HolderIdentity = "", LeaseDurationSeconds = 1, LeaseTransitions = 7 };
        var (action, spec) = Arbiter("me").Decide(released);
        Assert.Equal(LeaseAction.Update, action);
        Assert.Equal(8, spec!.LeaseTransitions);
    }
}
