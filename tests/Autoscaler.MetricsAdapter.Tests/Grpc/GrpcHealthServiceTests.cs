using Grpc.Health.V1;
using Grpc.HealthCheck;
using Microsoft.Extensions.DependencyInjection;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Autoscaler.MetricsAdapter.Tests.Grpc;

public sealed class GrpcHealthServiceTests
{
    [Fact]
    public async Task Check_reports_the_server_and_registered_services_and_not_found_for_others()
    {
        await using var host = await GrpcTestHost.StartAsync();
        host.Services.GetRequiredService<HealthServiceImpl>().SetStatus("svc.A", ServingStatus.NotServing);

        var overall = await Check(host, string.Empty);
        var a = await Check(host, "svc.A");
        var unknown = await host.SendAsync(GrpcTestHost.Request("/grpc.health.v1.Health/Check", GrpcTestHost.Frame(new HealthCheckRequest { Service = "svc.B" })));

        Assert.Equal(ServingStatus.Serving, overall.Single(HealthCheckResponse.Parser).Status);
        Assert.Equal(ServingStatus.NotServing, a.Single(HealthCheckResponse.Parser).Status);
        Assert.Equal("5", unknown.Status);
    }

    [Fact]
    public async Task Watch_sends_the_current_status_then_each_change()
    {
        await using var host = await GrpcTestHost.StartAsync();
        var registry = host.Services.GetRequiredService<HealthServiceImpl>();
        registry.SetStatus("svc.A", ServingStatus.Serving);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var request = GrpcTestHost.Request("/grpc.health.v1.Health/Watch", GrpcTestHost.Frame(new HealthCheckRequest { Service = "svc.A" }));
        using var response = await host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        await using var body = await response.Content.ReadAsStreamAsync(cancel.Token);

        var first = await ReadMessage(body, cancel.Token);
        registry.SetStatus("svc.A", ServingStatus.NotServing);
        var second = await ReadMessage(body, cancel.Token);

        Assert.Equal(ServingStatus.Serving, first.Status);
        Assert.Equal(ServingStatus.NotServing, second.Status);
    }

    [Fact]
    public async Task Watch_ends_with_ok_when_the_host_stops()
    {
        await using var host = await GrpcTestHost.StartAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var request = GrpcTestHost.Request("/grpc.health.v1.Health/Watch", GrpcTestHost.Frame(new HealthCheckRequest()));
        using var response = await host.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        await using var body = await response.Content.ReadAsStreamAsync(cancel.Token);
        Assert.Equal(ServingStatus.Serving, (await ReadMessage(body, cancel.Token)).Status);

        host.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>().StopApplication();
        var rest = new MemoryStream();
        await body.CopyToAsync(rest, cancel.Token);

        Assert.Equal(0, rest.Length);
        Assert.Equal("0", response.TrailingHeaders.GetValues("grpc-status").Single());
    }

    private static Task<GrpcReply> Check(GrpcTestHost host, string service) =>
        host.SendAsync(GrpcTestHost.Request("/grpc.health.v1.Health/Check", GrpcTestHost.Frame(new HealthCheckRequest { Service = service })));

    private static async Task<HealthCheckResponse> ReadMessage(Stream body, CancellationToken cancellationToken)
    {
        var header = new byte[5];
        await body.ReadExactlyAsync(header, cancellationToken);
        var payload = new byte[System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(1))];
        await body.ReadExactlyAsync(payload, cancellationToken);
        return HealthCheckResponse.Parser.ParseFrom(payload);
    }
}
