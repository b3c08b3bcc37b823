using System.Globalization;
using Autoscaler.Calendar.Cluster;
using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.Kubernetes.Entities;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Autoscaler.E2E.Tests.Calendar;

/// <summary>
/// Prepares the real control plane for the calendar with KubernetesClient (the library the calendar uses): the
/// ScalingEvent CRD from manifests/crds, a namespace with one HPA carrying the calendar's annotations, and RBAC for a
/// product manager (create/update, and approve so the self-approval rule is what stops them) and an approver.
/// </summary>
internal static class CalendarCluster
{
    public static async Task<IKubernetes> ConnectAsync(string kubeconfig)
    {
        var client = new k8s.Kubernetes(KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfig));
        foreach (var file in new[] { "manifests/crds/scalingevents.yaml", "manifests/crds/predictivepolicies.yaml" })
        {
            await ApplyCrdAsync(client, KubernetesYaml.Deserialize<V1CustomResourceDefinition>(await File.ReadAllTextAsync(FindRepoFile(file))));
        }

        return client;
    }

    private static async Task ApplyCrdAsync(IKubernetes client, V1CustomResourceDefinition crd)
    {
        try
        {
            await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
        {
            // Left by an earlier run with an older schema: bring it to the repository's version (test setup only).
            var existing = await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(crd.Metadata.Name);
            crd.Metadata.ResourceVersion = existing.Metadata.ResourceVersion;
            await client.ApiextensionsV1.ReplaceCustomResourceDefinitionAsync(crd, crd.Metadata.Name);
        }

        await Eventually.TrueAsync($"CRD {crd.Metadata.Name} Established", async seen =>
        {
            var current = await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(crd.Metadata.Name);
            var established = current.Status?.Conditions?.FirstOrDefault(c => c.Type == "Established")?.Status ?? "no Established condition";
            seen($"Established={established}");
            return established == "True";
        }, TimeSpan.FromSeconds(30));
    }

    /// <param name="extraAnnotations">More annotations on the HPA (such as the history query).</param>
    public static async Task CreateNamespaceAsync(IKubernetes client, string ns, string pm, string approver, IReadOnlyDictionary<string, string>? extraAnnotations = null)
    {
        var annotations = new Dictionary<string, string>
        {
            [CalendarAnnotations.DisplayName] = "Checkout",
            [CalendarAnnotations.LoadPerReplica] = "100",
        };
        foreach (var (key, value) in extraAnnotations ?? new Dictionary<string, string>())
        {
            annotations[key] = value;
        }

        await client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = ns } });
        await client.AutoscalingV1.CreateNamespacedHorizontalPodAutoscalerAsync(
            new V1HorizontalPodAutoscaler
            {
                Metadata = new V1ObjectMeta
                {
                    Name = "checkout",
                    Annotations = annotations,
                },
                Spec = new V1HorizontalPodAutoscalerSpec
                {
                    MinReplicas = 2, MaxReplicas = 60, TargetCPUUtilizationPercentage = 70,
                    ScaleTargetRef = new V1CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = "checkout" },
                },
            },
            ns);
        await GrantAsync(client, ns, "calendar-pm", pm, ["get", "list", "create", "update", AutoscalerApi.ApproveVerb]);
        await GrantAsync(client, ns, "calendar-approver", approver, ["get", "list", AutoscalerApi.ApproveVerb]);
    }

    /// <summary>Local date of tomorrow in <paramref name="zone"/> (yyyy-MM-dd), for "tomorrow 12:00".</summary>
    public static string TomorrowIn(string zone)
    {
        var tz = NodaTime.DateTimeZoneProviders.Tzdb[zone];
        var today = NodaTime.SystemClock.Instance.GetCurrentInstant().InZone(tz).Date;
        return today.PlusDays(1).ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>A daily cycle of load (300 ± 150 per 5 minutes) over the last 9 days, as the calendar's CSV history.</summary>
    public static string WriteHistory(string dir, string ns)
    {
        var folder = Directory.CreateDirectory(Path.Combine(dir, ns)).FullName;
        var now = DateTimeOffset.UtcNow;
        var start = new DateTimeOffset(now.UtcTicks / TimeSpan.TicksPerHour * TimeSpan.TicksPerHour, TimeSpan.Zero) - TimeSpan.FromDays(9);
        var lines = new List<string> { "timestamp,value" };
        for (var t = start; t < now; t += TimeSpan.FromMinutes(5))
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{t.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'},{300 + (150 * Math.Sin(2 * Math.PI * t.TimeOfDay.TotalHours / 24)):0.#}"));
        }

        File.WriteAllLines(Path.Combine(folder, "checkout.csv"), lines);
        return dir;
    }

    public static string FindRepoFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate)) return candidate;
        }

        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }

    private static async Task GrantAsync(IKubernetes client, string ns, string name, string user, IList<string> verbs)
    {
        await client.RbacAuthorizationV1.CreateNamespacedRoleAsync(
            new V1Role
            {
                Metadata = new V1ObjectMeta { Name = name },
                Rules = [new V1PolicyRule { ApiGroups = [AutoscalerApi.Group], Resources = [AutoscalerApi.ScalingEventPlural], Verbs = verbs }],
            },
            ns);
        await client.RbacAuthorizationV1.CreateNamespacedRoleBindingAsync(
            new V1RoleBinding
            {
                Metadata = new V1ObjectMeta { Name = name },
                RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "Role", Name = name },
                Subjects = [new Rbacv1Subject { ApiGroup = "rbac.authorization.k8s.io", Kind = "User", Name = user }],
            },
            ns);
    }
}
