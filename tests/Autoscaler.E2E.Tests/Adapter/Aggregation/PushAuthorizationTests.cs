using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Autoscaler.E2E.Tests.Fixtures;
using k8s.Autorest;
using Xunit.Abstractions;

namespace Autoscaler.E2E.Tests.Adapter.Aggregation;

/// <summary>
/// Push authentication and authorization (issue #15) on the real control plane: a ServiceAccount token is
/// reviewed by the real TokenReview, and a RoleBinding to the shipped <c>autoscaler-metrics-pusher</c> role in
/// namespace A lets it push into A only (real SubjectAccessReview through RBAC). Pushes go over TLS on the push
/// port; a client certificate signed by the cluster's client CA (read by the adapter from
/// <c>kube-system/extension-apiserver-authentication</c>) authenticates as its CN and O over mutual TLS. KEDA's external
/// scaler on the same port (<c>Keda:Authentication=Auto</c>: on with a cluster) is authorized like an external-metrics
/// read: the same certificate reads only where the shipped <c>autoscaler-metrics-reader</c> role is bound for its group.
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
        using var pusher = _adapter.PushClient(token);
        using var anonymous = _adapter.PushClient(null);
        using var forged = _adapter.PushClient("not-a-token");

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

    [Fact]
    public async Task A_client_certificate_of_the_cluster_ca_pushes_over_mutual_tls_only_where_its_group_is_bound()
    {
        var allowedNs = await cp.CreateNamespaceAsync("push-cert-a");
        var deniedNs = await cp.CreateNamespaceAsync("push-cert-b");
        await Kubectl.RunAsync(_adapter.Admin, $$"""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: cert-pushers-push-metrics, namespace: {{allowedNs}}}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: autoscaler-metrics-pusher}
            subjects: [{kind: Group, name: "autoscaler-e2e:cert-pushers", apiGroup: rbac.authorization.k8s.io}]
            """, "apply", "-f", "-");
        using var clusterCa = X509Certificate2.CreateFromPemFile(cp.Environment.CaFile, cp.Environment.CaKeyFile);
        using var strangerCa = SelfSignedCa("not-the-cluster-ca");
        using var member = IssueClient(clusterCa, "cert-pusher", "autoscaler-e2e:cert-pushers");
        using var stranger = IssueClient(strangerCa, "cert-pusher", "autoscaler-e2e:cert-pushers");
        using var pusher = _adapter.PushClient(null, member);
        using var impostor = _adapter.PushClient(null, stranger);

        var accepted = await Eventually.Async($"a push over mutual TLS into {allowedNs} to be accepted", async seen =>
        {
            var (status, message, count) = await pusher.TryPushAsync(allowedNs, "queue_length", Orders, 6);
            seen($"grpc-status {status}: {message}");
            return count?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }, TimeSpan.FromSeconds(60));
        var denied = await pusher.TryPushAsync(deniedNs, "queue_length", Orders, 60);
        var otherCa = await impostor.TryPushAsync(allowedNs, "queue_length", Orders, 600);

        Assert.Equal("1", accepted);
        Assert.Equal("7", denied.Status);
        Assert.Contains($"User \"cert-pusher\" cannot create resource \"pushedmetrics\" in API group \"metrics.autoscaler.dev\" in the namespace \"{deniedNs}\"", denied.Message, StringComparison.Ordinal);
        Assert.Equal("16", otherCa.Status);
        Assert.Contains("client CA", otherCa.Message, StringComparison.Ordinal);
        output.WriteLine($"denied: {denied.Message}\nother CA: {otherCa.Message}");
        var value = await cp.Admin.GetJsonAsync($"/apis/external.metrics.k8s.io/v1beta1/namespaces/{allowedNs}/queue_length?labelSelector=queue%3Dorders");
        Assert.Equal("6", value.GetProperty("items")[0].GetProperty("value").GetString());

        // KEDA's external scaler, as KEDA calls it with tlsClientCert/tlsClientKey: pushing rights do not grant reading.
        var beforeReadGrant = await pusher.TryKedaGetMetricsAsync(allowedNs, "queue_length", "queue=orders");
        await Kubectl.RunAsync(_adapter.Admin, $$"""
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: cert-pushers-read-metrics, namespace: {{allowedNs}}}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: autoscaler-metrics-reader}
            subjects: [{kind: Group, name: "autoscaler-e2e:cert-pushers", apiGroup: rbac.authorization.k8s.io}]
            """, "apply", "-f", "-");
        // The denial above is cached by the adapter for at most 10 s, and RBAC learns of the binding from a watch.
        var read = await Eventually.Async($"a KEDA GetMetrics over mutual TLS in {allowedNs} to be allowed", async seen =>
        {
            var (status, message, metric) = await pusher.TryKedaGetMetricsAsync(allowedNs, "queue_length", "queue=orders");
            seen($"grpc-status {status}: {message}");
            return metric?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }, TimeSpan.FromSeconds(60));
        var readDenied = await pusher.TryKedaGetMetricsAsync(deniedNs, "queue_length", "queue=orders");
        var readByImpostor = await impostor.TryKedaGetMetricsAsync(allowedNs, "queue_length", "queue=orders");

        Assert.Equal("7", beforeReadGrant.Status);
        Assert.Equal("6", read);
        Assert.Equal("7", readDenied.Status);
        Assert.Contains($"User \"cert-pusher\" cannot list resource \"queue_length\" in API group \"external.metrics.k8s.io\" in the namespace \"{deniedNs}\"", readDenied.Message, StringComparison.Ordinal);
        Assert.Equal("16", readByImpostor.Status);
        output.WriteLine($"KEDA before the read grant: {beforeReadGrant.Message}\nKEDA denied: {readDenied.Message}");
    }

    private static X509Certificate2 SelfSignedCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

    private static X509Certificate2 IssueClient(X509Certificate2 ca, string cn, string group)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={cn}, O={group}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        // Within the issuer's validity (a freshly made cluster CA may be younger than five minutes).
        var notBefore = new[] { DateTimeOffset.UtcNow.AddMinutes(-5), new DateTimeOffset(ca.NotBefore.ToUniversalTime()) }.Max();
        var notAfter = new[] { DateTimeOffset.UtcNow.AddDays(1), new DateTimeOffset(ca.NotAfter.ToUniversalTime()) }.Min();
        // The cluster CA's key may be RSA while the client key is ECDSA: sign with a generator for the issuer's key.
        using var caRsa = ca.GetRSAPrivateKey();
        using var caEc = ca.GetECDsaPrivateKey();
        var generator = caRsa is not null ? X509SignatureGenerator.CreateForRSA(caRsa, RSASignaturePadding.Pkcs1)
            : X509SignatureGenerator.CreateForECDsa(caEc ?? throw new InvalidOperationException("the cluster CA has no RSA or ECDSA private key"));
        using var issued = request.Create(ca.SubjectName, generator, notBefore, notAfter, RandomNumberGenerator.GetBytes(12));
        return issued.CopyWithPrivateKey(key);
    }
}
