using Autoscaler.Core.Planning;

namespace Autoscaler.Core.Tests.Planning;

public sealed class CapacityModelTests
{
    [Fact]
    public void An_HPA_with_an_AverageValue_target_carries_that_much_per_replica()
    {
        var capacity = CapacityModel.ForHpa(850);
        Assert.Equal(850, capacity.LoadPerReplica);
        Assert.Equal(2, capacity.ReplicasFor(1700));
        Assert.Equal(CapacityModel.ForAverageValue(850), capacity);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Without_a_usable_target_one_load_unit_per_replica_is_stated_as_unknown(double? target)
    {
        var capacity = CapacityModel.ForHpa(target);
        Assert.Equal(1, capacity.LoadPerReplica);
        Assert.StartsWith("unknown", capacity.Description, StringComparison.Ordinal);
    }
}
