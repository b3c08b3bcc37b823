using Autoscaler.MetricsAdapter.Grpc;
using Autoscaler.MetricsAdapter.Sources.Push;
using Autoscaler.MetricsAdapter.Sources.Push.Authorization;
using Autoscaler.MetricsAdapter.Sources.Push.Protocol;
using Autoscaler.MetricsAdapter.Storage;
using Autoscaler.MetricsAdapter.Tests.Grpc;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Autoscaler.MetricsAdapter.Tests.Fuzz;

/// <summary>
/// Hostile pushes (issue #15), seeded so CI runs the same cases: malformed protobuf never escapes decoding as anything
/// but <see cref="InvalidProtocolBufferException"/>; structurally valid requests with hostile names, namespaces, labels,
/// values and timestamps are answered OK, INVALID_ARGUMENT or RESOURCE_EXHAUSTED with a reason, never UNKNOWN (a crash)
/// or INTERNAL, and a refused batch stores nothing.
/// </summary>
public sealed class PushFuzzTests : IAsyncLifetime
{
    private const int Cases = 1_500;
    private readonly SqliteSampleStore _store = new(":memory:", limits: new SampleStoreLimits(200, 100, 10_000));
    private GrpcTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await GrpcTestHost.StartAsync(services =>
        {
            services.AddSingleton<ISampleStore>(_store);
            services.AddSingleton<IPushAuthorizer, AllowAnyPushAuthorizer>();
            services.AddPushGrpcService();
        });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _store.Dispose();
    }

    [Fact]
    public void Malformed_bytes_fail_decoding_cleanly_and_whatever_decodes_validates_without_throwing()
    {
        var input = new HostileInput(0x15_0001);
        var valid = Request(input, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()).ToByteArray();
        var decoded = 0;
        for (var i = 0; i < Cases * 4; i++)
        {
            PushRequest request;
            try
            {
                request = PushRequest.Parser.ParseFrom(input.Bytes(valid));
            }
            catch (InvalidProtocolBufferException)
            {
                continue;
            }

            decoded++;
            PushRequestValidator.Validate(request, 1_700_000_000_000, new PushOptions(), out _);
            PushLabelLimits.Check(request, new PushOptions());
        }

        Assert.InRange(decoded, 1, Cases * 4); // some mutations must decode, or the validator was never reached
    }

    [Fact]
    public async Task Hostile_requests_are_answered_with_a_reason_and_refusals_store_nothing()
    {
        var input = new HostileInput(0x15_0002);
        var seen = new Dictionary<string, int>();
        for (var i = 0; i < Cases; i++)
        {
            var request = Request(input, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            var before = _store.SeriesCount;
            var reply = await _host.SendAsync(GrpcTestHost.Request("/autoscaler.metrics.v1.MetricsPush/Push", GrpcTestHost.Frame(request)));

            Assert.True(reply.Status is "0" or "3" or "8", $"case {i}: grpc-status {reply.Status} ({reply.Message}) for {Describe(request)}");
            if (reply.Status != "0")
            {
                Assert.False(string.IsNullOrEmpty(reply.Message), $"case {i}: a refusal without a reason");
                Assert.Equal(before, _store.SeriesCount);
            }

            seen[reply.Status!] = seen.GetValueOrDefault(reply.Status!) + 1;
        }

        // The generator must reach every answer, or the property says little.
        Assert.True(seen.Keys.Order().SequenceEqual(["0", "3", "8"]), "answers seen: " + string.Join(", ", seen.Select(kv => $"{kv.Key}x{kv.Value}")));
    }

    // Not request.ToString(): its JSON formatter throws on the lone surrogates the generator produces.
    private static string Describe(PushRequest request) =>
        $"namespace {Uri.EscapeDataString(request.Namespace.Replace('\ud800', '?'))}, " +
        string.Join("; ", request.Samples.Select(s => $"{Uri.EscapeDataString(s.Name.Replace('\ud800', '?'))}={s.Value}@{s.TimestampUnixMs} ({s.Labels.Count} labels)"));

    private static PushRequest Request(HostileInput input, long now)
    {
        var request = new PushRequest { Namespace = input.Next(3) == 0 ? input.Text(3) : "shop" };
        for (var s = 0; s < 1 + input.Next(4); s++)
        {
            var sample = new Sample
            {
                Name = input.Next(3) == 0 ? input.Text(3) : $"m{input.Next(60)}",
                Value = input.Next(4) == 0 ? input.Number() : input.Next(1000),
                TimestampUnixMs = input.Next(3) == 0 ? input.Timestamp(now) : 0,
            };
            for (var l = 0; l < input.Next(input.Next(10) == 0 ? 40 : 3); l++)
            {
                sample.Labels[input.Next(3) == 0 ? input.Text(2) : $"l{l}"] = input.Next(2) == 0 ? input.Text(6) : $"v{input.Next(5)}";
            }

            request.Samples.Add(sample);
        }

        return request;
    }
}
