using Microsoft.Extensions.DependencyInjection;
using System.Text.Json;
using Autoscaler.Core.Labels;
using Autoscaler.Core.Quantities;
using Autoscaler.MetricsAdapter.Providers;

namespace Autoscaler.E2E.Tests.Adapter;

/// <summary>The gRPC push service and KEDA's external scaler service driven by Debian's python3-grpcio over real
/// HTTP/2 (h2c) on loopback. Over TLS with client certificates: <see cref="PythonGrpcTlsPushTests"/>.</summary>
[Trait("Category", "Adapter")]
public sealed class PythonGrpcPushTests : IAsyncLifetime
{
    private const string Python = "/usr/bin/python3";
    private readonly string _work = Path.Combine(Path.GetTempPath(), "adapter-push-e2e-" + Guid.NewGuid().ToString("N"));
    private SourcesTestHost _host = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_work);
        _host = await SourcesTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = Path.Combine(_work, "samples.db"),
            ["Grpc:MaxReceiveMessageBytes"] = "1048576",
            ["Staleness:MaxAge"] = "00:05:00",
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public async Task Python_grpcio_pushes_streams_checks_health_and_gets_the_right_error_codes()
    {
        var stubs = await GenerateStubsAsync(_work);
        var now = DateTimeOffset.UtcNow;
        var target = $"{_host.Address.Host}:{_host.Address.Port}";

        var (exit, stdout, stderr) = await ExternalProcess.RunAsync(
            Python, [RepositoryPaths.Of("tests", "Autoscaler.E2E.Tests", "Adapter", "python", "push_client.py"), target, stubs, now.ToUnixTimeMilliseconds().ToString()],
            TimeSpan.FromSeconds(60));

        Assert.True(exit == 0, $"python client failed ({exit}): {stderr}");
        var result = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(2, result.GetProperty("push").GetInt32());
        Assert.Equal(3, result.GetProperty("stream").GetInt32());
        Assert.Equal("SERVING", result.GetProperty("health").GetString());
        Assert.Equal("SERVING", result.GetProperty("health_push").GetString());
        Assert.Equal("NOT_FOUND", result.GetProperty("health_unknown").GetString());
        Assert.Equal("INVALID_ARGUMENT", result.GetProperty("invalid").GetString());
        Assert.Contains("namespace", result.GetProperty("invalid_detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("RESOURCE_EXHAUSTED", result.GetProperty("oversized").GetString());
        Assert.Equal("UNIMPLEMENTED", result.GetProperty("unknown_method").GetString());
        Assert.Equal(1, result.GetProperty("push_after_errors").GetInt32());
        Assert.Equal(5.0, result.GetProperty("keda_spec_target").GetDouble());
        Assert.Equal(17.0, result.GetProperty("keda_value").GetDouble());
        Assert.True(result.GetProperty("keda_active").GetBoolean());

        var external = _host.Services.GetServices<IExternalMetricsProvider>().Single();
        var orders = await external.GetExternalMetricAsync(new ExternalMetricQuery("shop", "queue_length", LabelSelector.Parse("queue=orders")), default);
        var value = Assert.Single(orders.Value);
        Assert.Equal(Quantity.FromDouble(17), value.Value);
        Assert.Equal(now.ToUnixTimeMilliseconds(), value.Timestamp.ToUnixTimeMilliseconds());
        var streamed = await external.GetExternalMetricAsync(new ExternalMetricQuery("shop", "queue_length", LabelSelector.Parse("queue in (stream-0,stream-1,stream-2)")), default);
        Assert.Equal(3, streamed.Value.Count);
    }

    /// <summary>Generates the Python stubs (push, KEDA's external scaler, health) into <c>&lt;work&gt;/stubs</c>.</summary>
    internal static async Task<string> GenerateStubsAsync(string work)
    {
        var stubs = Path.Combine(work, "stubs");
        var protoCopy = Path.Combine(work, "proto");
        Directory.CreateDirectory(stubs);
        Directory.CreateDirectory(protoCopy);
        // The health proto's path would make a Python package named "grpc" that hides grpcio itself; the copy
        // keeps its proto package (grpc.health.v1, so the same method paths) under another module name.
        File.Copy(RepositoryPaths.Of("proto", "grpc", "health", "v1", "health.proto"), Path.Combine(protoCopy, "health_v1.proto"));
        var (exit, _, stderr) = await ExternalProcess.RunAsync(
            Python,
            ["-m", "grpc_tools.protoc", "-I", RepositoryPaths.Of("proto"), "-I", protoCopy, "--python_out", stubs, "--grpc_python_out", stubs,
             "autoscaler/metrics/v1/push.proto", "externalscaler/externalscaler.proto", "health_v1.proto"],
            TimeSpan.FromSeconds(60));
        Assert.True(exit == 0, "grpc_tools.protoc failed (install python3-grpc-tools): " + stderr);
        return stubs;
    }
}
