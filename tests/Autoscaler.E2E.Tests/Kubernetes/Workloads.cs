using Autoscaler.Kubernetes.Models;

namespace Autoscaler.E2E.Tests.Kubernetes;

/// <summary>Small workload objects for the tests (no kubelet: pods stay Pending unless a test sets their status).</summary>
internal static class Workloads
{
    public static Dictionary<string, string> Labels(string app) => new() { ["app"] = app };

    public static PodTemplateSpec Template(string app) => new()
    {
        Metadata = new ObjectMeta { Labels = Labels(app) },
        Spec = new PodSpec { Containers = [new Container { Name = "main", Image = "example.invalid/app:1" }] },
    };

    public static Deployment Deployment(string ns, string name, int replicas) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns },
        Spec = new DeploymentSpec { Replicas = replicas, Selector = new LabelSelector { MatchLabels = Labels(name) }, Template = Template(name) },
    };

    public static StatefulSet StatefulSet(string ns, string name, int replicas) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns },
        Spec = new StatefulSetSpec
        {
            Replicas = replicas, ServiceName = name, Selector = new LabelSelector { MatchLabels = Labels(name) }, Template = Template(name),
        },
    };

    public static Pod Pod(string ns, string name, string app) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns, Labels = Labels(app) },
        Spec = new PodSpec { Containers = [new Container { Name = "main", Image = "example.invalid/app:1" }], AutomountServiceAccountToken = false },
    };
}
