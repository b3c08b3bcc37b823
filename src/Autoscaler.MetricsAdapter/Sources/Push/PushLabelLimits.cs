using Autoscaler.MetricsAdapter.Sources.Push.Protocol;

namespace Autoscaler.MetricsAdapter.Sources.Push;

/// <summary>Label count and label value length bounds of a push (<see cref="PushOptions.MaxLabelsPerSeries"/>,
/// <see cref="PushOptions.MaxLabelValueLength"/>); beyond them the batch is refused with <c>RESOURCE_EXHAUSTED</c>.</summary>
internal static class PushLabelLimits
{
    /// <summary>The first sample over a bound, named with its index, the count or length and the setting; null when within.</summary>
    public static string? Check(PushRequest request, PushOptions options)
    {
        for (var i = 0; i < request.Samples.Count; i++)
        {
            var labels = request.Samples[i].Labels;
            if (labels.Count > options.MaxLabelsPerSeries)
            {
                return $"samples[{i}].labels: {labels.Count} labels exceed the limit of {options.MaxLabelsPerSeries} per series (Push:MaxLabelsPerSeries)";
            }

            foreach (var (name, value) in labels)
            {
                if (value.Length > options.MaxLabelValueLength)
                {
                    return $"samples[{i}].labels[{name}]: a value of {value.Length} characters exceeds the limit of {options.MaxLabelValueLength} (Push:MaxLabelValueLength)";
                }
            }
        }

        return null;
    }
}
