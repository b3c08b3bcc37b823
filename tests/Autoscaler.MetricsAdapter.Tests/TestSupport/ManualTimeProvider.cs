namespace Autoscaler.MetricsAdapter.Tests.TestSupport;

/// <summary>A clock tests move by hand (FakeTimeProvider's package is not in the registry).</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
