using k8s.Models;

namespace Autoscaler.E2E.Tests.Kubernetes;

/// <summary>Small workload objects for the tests (no kubelet: pods stay Pending unless a test sets their status).</summary>
internal static class Workloads
{
    public static Dictionary<string, string> Labels(string app) => new() { ["app"] = app };

    public static V1PodTemplateSpec Template(string app) => new()
    {
        Metadata = new V1ObjectMeta { Labels = Labels(app) },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "main", Image = "example.invalid/app:1" }] },
    };

    public static V1Deployment Deployment(string ns, string name, int replicas) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new V1DeploymentSpec { Replicas = replicas, Selector = new V1LabelSelector { MatchLabels = Labels(name) }, Template = Template(name) },
    };

    public static V1ConfigMap ConfigMap(string ns, string name) => new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns } };
}
