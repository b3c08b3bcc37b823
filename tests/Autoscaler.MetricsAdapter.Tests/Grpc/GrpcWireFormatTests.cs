using Autoscaler.MetricsAdapter.Grpc;

namespace Autoscaler.MetricsAdapter.Tests.Grpc;

public sealed class GrpcWireFormatTests
{
    [Theory]
    [InlineData("1S", 10_000_000L)]
    [InlineData("250m", 2_500_000L)]
    [InlineData("2M", 1_200_000_000L)]
    [InlineData("1H", 36_000_000_000L)]
    [InlineData("99999999u", 999_999_990L)]
    [InlineData("500n", 5L)]
    public void Timeout_units_parse(string header, long ticks)
    {
        Assert.True(GrpcTimeout.TryParse(header, out var timeout));
        Assert.Equal(ticks, timeout.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("123456789S")]
    [InlineData("10x")]
    [InlineData("-1S")]
    [InlineData("1.5S")]
    public void Malformed_timeouts_are_rejected(string header) => Assert.False(GrpcTimeout.TryParse(header, out _));

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("100%", "100%25")]
    [InlineData("line\nbreak", "line%0Abreak")]
    [InlineData("né", "n%C3%A9")]
    public void Messages_are_percent_encoded(string text, string encoded) => Assert.Equal(encoded, GrpcPercentEncoding.Encode(text));

    [Theory]
    [InlineData("application/grpc", true)]
    [InlineData("application/grpc+proto", true)]
    [InlineData("application/grpc; charset=utf-8", true)]
    [InlineData("application/grpc+json", false)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void Content_types(string? contentType, bool accepted) => Assert.Equal(accepted, GrpcProtocol.IsProtobufContentType(contentType));
}
