using Autoscaler.Prometheus.Query;
using System.Text;

namespace Autoscaler.Prometheus.Tests.Query;

public sealed class PrometheusResponseDecoderTests
{
    [Fact]
    public void Vector_results_decode_labels_values_and_millisecond_timestamps()
    {
        var samples = Query("""
            {"status":"success","data":{"resultType":"vector","result":[
              {"metric":{"__name__":"up","job":"node"},"value":[1435781451.781,"1"]},
              {"metric":{},"value":[1435781451,"1e-07"]}]}}
            """);

        Assert.Equal(2, samples.Count);
        Assert.Equal("node", samples[0].Labels["job"]);
        Assert.Equal(1435781451781, samples[0].Timestamp.ToUnixTimeMilliseconds());
        Assert.Equal(1e-7, samples[1].Value);
    }

    [Theory]
    [InlineData("NaN", double.NaN)]
    [InlineData("+Inf", double.PositiveInfinity)]
    [InlineData("-Inf", double.NegativeInfinity)]
    [InlineData("1e+21", 1e21)]
    [InlineData("-0.25", -0.25)]
    public void Special_values_parse(string text, double value) => Assert.Equal(value, PrometheusResponseDecoder.ParseValue(text));

    [Fact]
    public void Empty_vector_is_an_empty_list_not_a_zero()
    {
        Assert.Empty(Query("""{"status":"success","data":{"resultType":"vector","result":[]}}"""));
    }

    [Fact]
    public void Scalar_results_decode()
    {
        var sample = Assert.Single(Query("""{"status":"success","data":{"resultType":"scalar","result":[1700000000,"42"]}}"""));
        Assert.Equal(42, sample.Value);
    }

    [Theory]
    [InlineData("""{"status":"error","errorType":"bad_data","error":"parse error"}""", PrometheusFailure.QueryError)]
    [InlineData("""{"status":"error","errorType":"timeout","error":"query timed out"}""", PrometheusFailure.Timeout)]
    [InlineData("""{"status":"error","errorType":"unavailable","error":"tsdb not ready"}""", PrometheusFailure.Unavailable)]
    [InlineData("""<html>bad gateway</html>""", PrometheusFailure.BadResponse)]
    [InlineData("""{"status":"success","data":{"resultType":"matrix","result":[]}}""", PrometheusFailure.BadResponse)]
    [InlineData("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,2]}]}}""", PrometheusFailure.BadResponse)]
    [InlineData("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[]}]}}""", PrometheusFailure.BadResponse)]
    public void Errors_and_unexpected_shapes_are_typed_failures(string body, object failure)
    {
        var ex = Assert.Throws<PrometheusException>(() => Query(body));
        Assert.Equal((PrometheusFailure)failure, ex.Failure);
    }

    [Fact]
    public void Series_lists_decode()
    {
        var series = PrometheusResponseDecoder.DecodeSeries(Encoding.UTF8.GetBytes(
            """{"status":"success","data":[{"__name__":"queue_length","namespace":"shop"},{"__name__":"up"}]}"""));
        Assert.Equal("shop", series[0]["namespace"]);
        Assert.Equal(2, series.Count);
    }

    private static IReadOnlyList<PromSample> Query(string body) => PrometheusResponseDecoder.DecodeQuery(Encoding.UTF8.GetBytes(body));
}
