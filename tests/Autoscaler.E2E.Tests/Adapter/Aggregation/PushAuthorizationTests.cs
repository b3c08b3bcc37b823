using System.Net;
using Autoscaler.E2E.Tests.Fixtures;
using k8s.Autorest;
using Xunit.Abstractions;

namespace Autoscaler.E2E.Tests.Adapter.Aggregation;

/// <summary>
/// Push authentication and authorization (issue #15) on the real control plane: a ServiceAccount token is
/// reviewed by the real TokenReview, and a RoleBinding to the shipped <c>autoscaler-metrics-pusher</c> role in
/// namespace A lets it push into A only (real SubjectAccessReview through RBAC).
/// </summary>
[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Adapter")]
public sealed class PushAuthorizationTests(ControlPlaneFixture cp, ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Orders = new() { ["queue"] = "orders" };
    private AdapterDeployment _adapter = null!;

    public async Task InitializeAsync() => _adapter = await AdapterDeployment.StartAsync(cp);

    public async Task DisposeAsync() => await _adapter.DisposeAsync();

    [Fact]
    public async Task A_service_account_pushes_only_into_the_namespace_it_is_bound_in()
    {
        var allowedNs = await cp.CreateNamespaceAsync("push-a");
        var deniedNs = await cp.CreateNamespaceAsync("push-b");
        await Kubectl.RunAsync(_adapter.Admin, $$"""
            apiVersion: v1
            kind: ServiceAccount
            metadata: {name: pusher, namespace: {{allowedNs}}}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: pusher-pushes-metrics, namespace: {{allowedNs}}}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: autoscaler-metrics-pusher}
            subjects: [{kind: ServiceAccount, name: pusher, namespace: {{allowedNs}}}]
            """, "apply", "-f", "-");
        var token = await AdapterDeployment.ServiceAccountTokenAsync(cp, allowedNs, "pusher");
        using var pusher = new GrpcPushClient(_adapter.PushPort, token);
        using var anonymous = new GrpcPushClient(_adapter.PushPort);
        using var forged = new GrpcPushClient(_adapter.PushPort, "not-a-token");

        // RBAC's authorizer learns of the new RoleBinding from a watch: poll until the push goes through
        // (a denial in between is cached by the adapter for at most 10 s).
        var accepted = await Eventually.Async($"a push into {allowedNs} to be accepted", async seen =>
        {
            var (status, message, count) = await pusher.TryPushAsync(allowedNs, "queue_length", Orders, 4);
            seen($"grpc-status {status}: {message}");
            return count?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }, TimeSpan.FromSeconds(60));
        var denied = await pusher.TryPushAsync(deniedNs, "queue_length", Orders, 40);
        var noToken = await anonymous.TryPushAsync(allowedNs, "queue_length", Orders, 400);
        var badToken = await forged.TryPushAsync(allowedNs, "queue_length", Orders, 4000);

        Assert.Equal("1", accepted);
        Assert.Equal("7", denied.Status);
        Assert.Contains($"User \"system:serviceaccount:{allowedNs}:pusher\" cannot create resource \"pushedmetrics\" in API group \"metrics.autoscaler.dev\" in the namespace \"{deniedNs}\"", denied.Message, StringComparison.Ordinal);
        Assert.Equal("16", noToken.Status);
        Assert.Equal("16", badToken.Status);
        output.WriteLine($"denied: {denied.Message}\nno token: {noToken.Message}\nforged: {badToken.Message}");

        // What the HPA reads through the aggregator: the allowed value, and nothing from the refused pushes.
        var value = await cp.Admin.GetJsonAsync($"/apis/external.metrics.k8s.io/v1beta1/namespaces/{allowedNs}/queue_length?labelSelector=queue%3Dorders");
        Assert.Equal("4", value.GetProperty("items")[0].GetProperty("value").GetString());
        var missing = await Assert.ThrowsAsync<HttpOperationException>(() =>
            cp.Admin.GetJsonAsync($"/apis/external.metrics.k8s.io/v1beta1/namespaces/{deniedNs}/queue_length?labelSelector=queue%3Dorders"));
        Assert.Equal(HttpStatusCode.NotFound, missing.Response.StatusCode);
    }
}
