using System.Globalization;
using System.Text;
using Autoscaler.Simulator.Parity;
using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.E2E.Tests.Parity;

/// <summary>The Deployment and the autoscaling/v2beta2 HPA of one <see cref="ParityCase"/>, as YAML for kubectl apply.</summary>
internal static class ParityManifest
{
    public static string For(ParityCase hpa, string ns)
    {
        var labels = "{" + string.Join(", ", ParityScript.Labels.Select(l => $"{l.Key}: {l.Value}")) + "}";
        var app = "{app: " + hpa.Name + "}";
        var yaml = new StringBuilder($$"""
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: {{hpa.Name}}, namespace: {{ns}}}
            spec:
              replicas: {{hpa.InitialReplicas}}
              selector:
                matchLabels: {{app}}
              template:
                metadata:
                  labels: {{app}}
                spec:
                  containers: [{name: main, image: registry.invalid/parity:1}]
            ---
            apiVersion: autoscaling/v2beta2
            kind: HorizontalPodAutoscaler
            metadata: {name: {{hpa.Name}}, namespace: {{ns}}}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: {{hpa.Name}}}
              minReplicas: {{hpa.MinReplicas}}
              maxReplicas: {{hpa.MaxReplicas}}
              metrics:
                - type: External
                  external:
                    metric:
                      name: {{ParityScript.Metric}}
                      selector:
                        matchLabels: {{labels}}
                    target: {type: AverageValue, averageValue: "{{Number(hpa.TargetAverageValue)}}"}

            """);
        if (hpa.Behavior is { } b)
        {
            yaml.Append("  behavior:\n");
            Rules(yaml, "scaleUp", b.ScaleUp);
            Rules(yaml, "scaleDown", b.ScaleDown);
        }

        return yaml.ToString();
    }

    private static void Rules(StringBuilder yaml, string name, ScalingRulesModel? rules)
    {
        if (rules is null)
        {
            return;
        }

        yaml.Append(CultureInfo.InvariantCulture, $"    {name}:\n");
        if (rules.StabilizationWindowSeconds is { } w)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"      stabilizationWindowSeconds: {w}\n");
        }

        if (rules.SelectPolicy is { } s)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"      selectPolicy: {s}\n");
        }

        if (rules.Policies is { } policies)
        {
            yaml.Append("      policies:\n");
            foreach (var p in policies)
            {
                yaml.Append(CultureInfo.InvariantCulture, $"        - {{type: {p.Type}, value: {p.Value}, periodSeconds: {p.PeriodSeconds}}}\n");
            }
        }
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
