using System.Text;
using System.Text.Json;
using Autoscaler.Kubernetes.Models;
using Autoscaler.Kubernetes.Serialization;
using Autoscaler.Kubernetes.Watch;

namespace Autoscaler.Kubernetes.Tests.Watch;

public sealed class WatchStreamReaderTests
{
    /// <summary>Hands out at most <c>chunk</c> bytes per read, like a chunked HTTP body.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }

    private static async Task<List<WatchEvent<ConfigMap>>> ReadAll(string body, int chunk)
    {
        var events = new List<WatchEvent<ConfigMap>>();
        await using var stream = new TrickleStream(Encoding.UTF8.GetBytes(body), chunk);
        await foreach (var e in WatchStreamReader.ReadAsync(stream, KubernetesJsonContext.Default.ConfigMap, CancellationToken.None))
        {
            events.Add(e);
        }

        return events;
    }

    private static string Event(string type, string name, string rv) =>
        "{\"type\":\"" + type + "\",\"object\":{\"kind\":\"ConfigMap\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"" + name
        + "\",\"resourceVersion\":\"" + rv + "\"},\"data\":{\"k\":\"a}b{\\\"c\"}}}";

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task Events_are_decoded_whatever_the_chunk_boundaries_and_without_line_breaks(int chunk)
    {
        var body = Event("ADDED", "a", "10") + "\n" + Event("MODIFIED", "a", "11") + Event("DELETED", "a", "12") + "  \r\n";
        var events = await ReadAll(body, chunk);
        Assert.Equal(new[] { WatchEventType.Added, WatchEventType.Modified, WatchEventType.Deleted }, events.Select(e => e.Type));
        Assert.Equal(new[] { "10", "11", "12" }, events.Select(e => e.ResourceVersion));
        Assert.All(events, e => Assert.Equal("a}b{\"c", e.Object!.Data!["k"]));
    }

    [Fact]
    public async Task A_410_inside_a_200_stream_is_an_expired_error_event()
    {
        const string body = """
            {"type":"BOOKMARK","object":{"kind":"ConfigMap","apiVersion":"v1","metadata":{"resourceVersion":"99"}}}
            {"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 1 (42)","reason":"Expired","code":410}}
            """;
        var events = await ReadAll(body, 16);
        Assert.Equal(WatchEventType.Bookmark, events[0].Type);
        Assert.Equal("99", events[0].ResourceVersion);
        Assert.True(events[1].IsExpired);
        Assert.Equal("Expired", events[1].Error!.Reason);
        Assert.False(events[0].IsExpired);
    }

    [Fact]
    public async Task An_event_larger_than_the_initial_buffer_is_read()
    {
        var big = new string('x', 100_000);
        var body = Event("ADDED", big, "1");
        var e = Assert.Single(await ReadAll(body, 8192));
        Assert.Equal(big, e.Object!.Metadata.Name);
    }

    [Fact]
    public async Task A_stream_cut_mid_event_ends_without_the_partial_event()
    {
        var body = Event("ADDED", "a", "1") + Event("ADDED", "b", "2")[..30];
        Assert.Single(await ReadAll(body, 5));
    }

    [Fact]
    public async Task Unknown_event_types_and_non_objects_are_errors()
    {
        await Assert.ThrowsAsync<JsonException>(() => ReadAll("""{"type":"SURPRISE","object":{}}""", 64));
        await Assert.ThrowsAsync<JsonException>(() => ReadAll("[1,2]", 64));
    }
}
