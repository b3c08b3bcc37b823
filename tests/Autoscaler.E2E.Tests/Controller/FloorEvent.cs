using System.Globalization;
using Autoscaler.Kubernetes.Entities;
using k8s.Models;

namespace Autoscaler.E2E.Tests.Controller;

/// <summary>The ScalingEvent the controller e2e tests create: an absolute floor for the HPA <c>web</c> over a window given in UTC (whole seconds).</summary>
internal static class FloorEvent
{
    /// <param name="leadTime">How long before the start the floor is raised, as the CRD writes it (e.g. "30s").</param>
    public static V1Alpha1ScalingEvent OnWeb(string ns, string name, string kind, DateTimeOffset start, DateTimeOffset end, int floor, string leadTime) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new ScalingEventSpec
        {
            Targets = new ScalingEventTargets { HpaNames = ["web"] },
            Start = Utc(start),
            End = Utc(end),
            Kind = kind,
            ExpectedLoad = new ExpectedLoad { AbsoluteFloor = floor },
            LeadTime = leadTime,
        },
    };

    private static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
