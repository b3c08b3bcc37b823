using System.Globalization;
using Autoscaler.Core.Labels;
using Grpc.Core;
using Google.Protobuf.Collections;

namespace Autoscaler.MetricsAdapter.Keda;

/// <summary>
/// The trigger metadata a ScaledObject passes: <c>metricName</c> (an external metric the adapter serves),
/// <c>targetValue</c> (&gt; 0), optional <c>labelSelector</c> and <c>activationValue</c> (default 0).
/// </summary>
internal sealed record ScalerMetadata(string MetricName, LabelSelector Selector, double TargetValue, double ActivationValue)
{
    /// <exception cref="RpcException">INVALID_ARGUMENT naming every bad key.</exception>
    public static ScalerMetadata Parse(MapField<string, string> metadata)
    {
        var errors = new List<string>();
        var name = metadata.TryGetValue("metricName", out var n) && n.Length > 0 ? n : null;
        if (name is null)
        {
            errors.Add("metricName: required");
        }

        var selector = LabelSelector.Everything;
        if (metadata.TryGetValue("labelSelector", out var text) && !LabelSelector.TryParse(text, out selector, out var selectorError))
        {
            errors.Add($"labelSelector: {selectorError}");
        }

        var target = Number(metadata, "targetValue", required: true, errors);
        if (target is <= 0)
        {
            errors.Add("targetValue: must be greater than 0");
        }

        var activation = Number(metadata, "activationValue", required: false, errors) ?? 0;
        return errors.Count > 0
            ? throw new RpcException(new Status(StatusCode.InvalidArgument, "Invalid scaler metadata: " + string.Join("; ", errors)))
            : new ScalerMetadata(name!, selector, target!.Value, activation);
    }

    private static double? Number(MapField<string, string> metadata, string key, bool required, List<string> errors)
    {
        if (!metadata.TryGetValue(key, out var text))
        {
            if (required)
            {
                errors.Add($"{key}: required");
            }

            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        errors.Add($"{key}: '{text}' is not a number");
        return null;
    }
}
