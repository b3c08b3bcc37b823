using System.Text.Json;
using Autoscaler.Kubernetes.Models;
using Autoscaler.Kubernetes.Serialization;

namespace Autoscaler.Kubernetes.Tests.Serialization;

public sealed class SerializationTests
{
    [Fact]
    public void Lease_times_are_written_as_microtime_with_six_digits_in_utc()
    {
        var spec = new LeaseSpec { RenewTime = new DateTimeOffset(2024, 5, 1, 14, 0, 10, TimeSpan.FromHours(2)).AddTicks(1234567) };
        var json = JsonSerializer.Serialize(new Lease { Spec = spec }, KubernetesJsonContext.Default.Lease);
        Assert.Contains("\"renewTime\":\"2024-05-01T12:00:10.123456Z\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("acquireTime", json, StringComparison.Ordinal);
        var back = JsonSerializer.Deserialize(json, KubernetesJsonContext.Default.Lease)!;
        Assert.Equal(spec.RenewTime!.Value.AddTicks(-7), back.Spec!.RenewTime);
    }

    [Fact]
    public void Unknown_fields_survive_a_read_modify_write()
    {
        const string json = """{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","futureMeta":1},"spec":{"containers":[],"priority":5},"status":{"phase":"Pending","qosClass":"BestEffort"}}""";
        var pod = JsonSerializer.Deserialize(json, KubernetesJsonContext.Default.Pod)!;
        pod.Status!.Phase = "Running";
        var written = JsonSerializer.Serialize(pod, KubernetesJsonContext.Default.Pod);
        Assert.Contains("\"priority\":5", written, StringComparison.Ordinal);
        Assert.Contains("\"qosClass\":\"BestEffort\"", written, StringComparison.Ordinal);
        Assert.Contains("\"futureMeta\":1", written, StringComparison.Ordinal);
        Assert.Contains("\"phase\":\"Running\"", written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8443", 8443, null)]
    [InlineData("\"https\"", null, "https")]
    public void IntOrString_round_trips_both_forms(string wire, int? number, string? text)
    {
        var port = JsonSerializer.Deserialize($$"""{"port":443,"targetPort":{{wire}}}""", ServicePortInfo())!;
        Assert.Equal(number, port.TargetPort!.Value.IntValue);
        Assert.Equal(text, port.TargetPort.Value.StringValue);
        Assert.Contains($"\"targetPort\":{wire}", JsonSerializer.Serialize(port, ServicePortInfo()), StringComparison.Ordinal);
    }

    private static System.Text.Json.Serialization.Metadata.JsonTypeInfo<ServicePort> ServicePortInfo() =>
        (System.Text.Json.Serialization.Metadata.JsonTypeInfo<ServicePort>)KubernetesJsonContext.Default.GetTypeInfo(typeof(ServicePort))!;

    [Fact]
    public void Nulls_are_omitted_so_an_apply_body_holds_only_the_owned_fields()
    {
        var map = new ConfigMap { ApiVersion = "v1", Kind = "ConfigMap", Metadata = new ObjectMeta { Name = "m", Namespace = "n" }, Data = new Dictionary<string, string> { ["k"] = "v" } };
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(map, KubernetesJsonContext.Default.ConfigMap));
        Assert.Equal(new[] { "apiVersion", "data", "kind", "metadata" }, doc.RootElement.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(new[] { "name", "namespace" }, doc.RootElement.GetProperty("metadata").EnumerateObject().Select(p => p.Name).Order());
    }
}
