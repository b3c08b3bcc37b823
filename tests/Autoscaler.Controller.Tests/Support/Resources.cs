using System.Globalization;
using Autoscaler.Kubernetes.Entities;
using k8s.Models;

namespace Autoscaler.Controller.Tests.Support;

/// <summary>Builders for test resources.</summary>
internal static class Resources
{
    public static V1Alpha1ScalingEvent Event(string ns, string name, string hpa, DateTimeOffset start, DateTimeOffset end, int floor, string? leadTime = "30s") => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new ScalingEventSpec
        {
            Targets = new ScalingEventTargets { HpaNames = [hpa] },
            Start = Rfc3339(start),
            End = Rfc3339(end),
            Kind = "flash-sale",
            ExpectedLoad = new Kubernetes.Entities.ExpectedLoad { AbsoluteFloor = floor },
            LeadTime = leadTime,
        },
    };

    public static V1Alpha1PredictivePolicy Policy(string ns, string name, string hpa, string mode) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, CreationTimestamp = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc) },
        Spec = new PredictivePolicySpec
        {
            TargetRef = new PolicyTargetRef { Name = hpa },
            History = new HistorySourceSpec { Prometheus = new PrometheusHistorySpec { Query = "sum(rate(http_requests_total[1m]))" } },
            Mode = mode,
            Forecaster = "seasonal-naive",
        },
    };

    public static string Rfc3339(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
