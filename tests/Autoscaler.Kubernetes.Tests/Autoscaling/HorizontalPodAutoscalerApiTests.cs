using Autoscaler.Kubernetes.Autoscaling;

namespace Autoscaler.Kubernetes.Tests.Autoscaling;

public sealed class HorizontalPodAutoscalerApiTests
{
    [Theory]
    [InlineData("v1,v2,v2beta2", "v2")]
    [InlineData("v1,v2beta1,v2beta2", "v2beta2")]
    [InlineData("v2beta2,v1", "v2beta2")]
    [InlineData("v1,v2beta1", null)]
    [InlineData("", null)]
    public void The_newest_served_of_v2_and_v2beta2_is_chosen(string served, string? expected) =>
        Assert.Equal(expected, HorizontalPodAutoscalerApi.ChooseVersion(served.Split(',', StringSplitOptions.RemoveEmptyEntries)));
}
