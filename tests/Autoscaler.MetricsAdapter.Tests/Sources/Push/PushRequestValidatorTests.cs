using Autoscaler.MetricsAdapter.Sources.Push;
using Autoscaler.MetricsAdapter.Sources.Push.Protocol;

namespace Autoscaler.MetricsAdapter.Tests.Sources.Push;

public sealed class PushRequestValidatorTests
{
    [Theory]
    [InlineData("")]
    [InlineData("Shop")]
    [InlineData("-shop")]
    [InlineData("a_b")]
    public void Invalid_namespaces_are_named(string ns)
    {
        PushRequestValidator.Validate(new PushRequest { Namespace = ns }, 0, new PushOptions(), out var errors);
        Assert.StartsWith("namespace:", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(double.NaN)]
    [InlineData(1e16)]
    public void Values_the_hpa_cannot_hold_are_refused(double value)
    {
        var request = new PushRequest { Namespace = "shop", Samples = { new Sample { Name = "q", Value = value } } };
        PushRequestValidator.Validate(request, 0, new PushOptions(), out var errors);
        Assert.StartsWith("samples[0].value", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("app.kubernetes.io/name", true)]
    [InlineData("queue", true)]
    [InlineData("bad label", false)]
    [InlineData("", false)]
    public void Label_names(string label, bool valid)
    {
        var request = new PushRequest { Namespace = "shop", Samples = { new Sample { Name = "q", Value = 1, Labels = { [label] = "v" } } } };
        var samples = PushRequestValidator.Validate(request, 0, new PushOptions(), out var errors);
        Assert.Equal(valid, errors.Count == 0);
        Assert.Equal(valid ? 1 : 0, samples.Count);
    }

    [Fact]
    public void Negative_timestamps_are_refused_and_zero_takes_the_receive_time()
    {
        var request = new PushRequest
        {
            Namespace = "shop",
            Samples = { new Sample { Name = "a", Value = 1, TimestampUnixMs = -5 }, new Sample { Name = "b", Value = 1 } },
        };
        PushRequestValidator.Validate(request, 777, new PushOptions(), out var errors);
        Assert.StartsWith("samples[0].timestamp_unix_ms", Assert.Single(errors), StringComparison.Ordinal);

        request.Samples.RemoveAt(0);
        Assert.Equal(777, PushRequestValidator.Validate(request, 777, new PushOptions(), out _).Single().TimestampUnixMs);
    }
}
