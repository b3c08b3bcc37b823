using Autoscaler.MetricsAdapter.Auth;

namespace Autoscaler.MetricsAdapter.Tests.Auth;

/// <summary>The attribute table of PROTOCOLS.md §2.7.</summary>
public sealed class RequestAttributesTests
{
    [Theory]
    [InlineData("/apis/custom.metrics.k8s.io/v1beta2/namespaces/ns/pods/p1/m", "ns", "pods", "m", "p1", "get")]
    [InlineData("/apis/custom.metrics.k8s.io/v1beta2/namespaces/ns/pods/*/m", "ns", "pods", "m", "*", "get")]
    [InlineData("/apis/custom.metrics.k8s.io/v1beta2/nodes/n1/m", "", "nodes", "m", "n1", "get")]
    [InlineData("/apis/custom.metrics.k8s.io/v1beta2/namespaces/ns/metrics/m", "ns", "metrics", "", "m", "get")]
    [InlineData("/apis/external.metrics.k8s.io/v1beta1/namespaces/ns/m", "ns", "m", "", "", "list")]
    public void ResourceRequests(string path, string ns, string resource, string sub, string name, string verb)
    {
        var a = RequestAttributes.From("GET", path);
        Assert.True(a.IsResourceRequest);
        Assert.Equal((ns, resource, sub, name, verb), (a.Namespace, a.Resource, a.Subresource, a.Name, a.Verb));
    }

    [Theory]
    [InlineData("/apis")]
    [InlineData("/apis/custom.metrics.k8s.io")]
    [InlineData("/apis/custom.metrics.k8s.io/v1beta2")]
    [InlineData("/openapi/v2")]
    [InlineData("/metrics")]
    public void NonResourceRequests(string path)
    {
        var a = RequestAttributes.From("GET", path);
        Assert.False(a.IsResourceRequest);
        Assert.Equal(path, a.Path);
        Assert.Equal("get", a.Verb);
        Assert.Equal($"forbidden: User \"u\" cannot get path \"{path}\"", a.ForbiddenMessage("u", string.Empty));
    }

    [Fact]
    public void ForbiddenMessagesFollowTheReferenceStack()
    {
        var named = RequestAttributes.From("GET", "/apis/custom.metrics.k8s.io/v1beta2/namespaces/shop/pods/web-1/rps");
        var cluster = RequestAttributes.From("GET", "/apis/custom.metrics.k8s.io/v1beta2/nodes/n1/load");
        Assert.Equal(
            "pods.custom.metrics.k8s.io \"web-1\" is forbidden: User \"u\" cannot get resource \"pods/rps\" in API group \"custom.metrics.k8s.io\" in the namespace \"shop\"",
            named.ForbiddenMessage("u", string.Empty));
        Assert.Equal(
            "nodes.custom.metrics.k8s.io \"n1\" is forbidden: User \"u\" cannot get resource \"nodes/load\" in API group \"custom.metrics.k8s.io\" at the cluster scope: nope",
            cluster.ForbiddenMessage("u", "nope"));
    }
}
