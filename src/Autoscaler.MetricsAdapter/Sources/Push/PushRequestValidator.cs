using System.Text.RegularExpressions;
using Autoscaler.MetricsAdapter.Sources.Push.Protocol;
using Autoscaler.MetricsAdapter.Storage;

namespace Autoscaler.MetricsAdapter.Sources.Push;

/// <summary>Turns a push request into samples, or names every invalid field (the whole batch is refused).</summary>
internal static partial class PushRequestValidator
{
    /// <summary>Samples per request; larger batches should be split (the message size limit applies too).</summary>
    public const int MaxSamplesPerRequest = 50_000;

    /// <summary>The HPA holds values as 64-bit milli-units; larger magnitudes cannot be served.</summary>
    public const double MaxMagnitude = 9.2e15;

    private const int MaxErrorsReported = 10;

    private static readonly long MaxUnixMs = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>Validates <paramref name="request"/> received at <paramref name="receivedUnixMs"/>; timestamps must lie
    /// within <paramref name="bounds"/> of it (0 means "received now").</summary>
    public static IReadOnlyList<MetricSample> Validate(PushRequest request, long receivedUnixMs, PushOptions bounds, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        if (!NamespaceName().IsMatch(request.Namespace))
        {
            problems.Add($"namespace: '{request.Namespace}' is not a valid namespace name (DNS-1123 label, at most 63 characters)");
        }

        if (request.Samples.Count > MaxSamplesPerRequest)
        {
            problems.Add($"samples: {request.Samples.Count} samples exceed the limit of {MaxSamplesPerRequest} per request");
        }

        var samples = new List<MetricSample>(request.Samples.Count);
        for (var i = 0; i < request.Samples.Count && problems.Count < MaxErrorsReported; i++)
        {
            var sample = request.Samples[i];
            var before = problems.Count;
            if (!MetricName().IsMatch(sample.Name))
            {
                problems.Add($"samples[{i}].name: '{sample.Name}' is not a valid metric name ([a-zA-Z_:][a-zA-Z0-9_:.-]*, at most 200 characters)");
            }

            if (!double.IsFinite(sample.Value) || Math.Abs(sample.Value) >= MaxMagnitude)
            {
                problems.Add($"samples[{i}].value: {sample.Value} is not a finite number below {MaxMagnitude:0.#e0} in magnitude");
            }

            if (sample.TimestampUnixMs < 0)
            {
                problems.Add($"samples[{i}].timestamp_unix_ms: {sample.TimestampUnixMs} is negative");
            }
            else if (sample.TimestampUnixMs != 0 && TimestampProblem(sample, request.Namespace, receivedUnixMs, bounds) is { } timeProblem)
            {
                problems.Add($"samples[{i}].timestamp_unix_ms: {timeProblem}");
            }

            foreach (var (name, value) in sample.Labels)
            {
                if (!LabelName().IsMatch(name))
                {
                    problems.Add($"samples[{i}].labels: '{name}' is not a valid label name");
                }
            }

            if (problems.Count == before)
            {
                var timestamp = sample.TimestampUnixMs == 0 ? receivedUnixMs : sample.TimestampUnixMs;
                samples.Add(new MetricSample(request.Namespace, sample.Name, sample.Labels, sample.Value, timestamp));
            }
        }

        errors = problems;
        return problems.Count == 0 ? samples : [];
    }

    private static string? TimestampProblem(Sample sample, string ns, long receivedUnixMs, PushOptions bounds)
    {
        // In milliseconds, not TimeSpan/DateTimeOffset: a timestamp near long.MaxValue overflows both (found by PushFuzzTests).
        var offsetMs = sample.TimestampUnixMs - receivedUnixMs;
        var (limit, setting, direction) = offsetMs > 0
            ? (bounds.MaxFutureSkew, "Push:MaxFutureSkew", "ahead of")
            : (bounds.MaxPastAge, "Push:MaxPastAge", "behind");
        if (Math.Abs(offsetMs) <= limit.TotalMilliseconds)
        {
            return null;
        }

        var stamped = sample.TimestampUnixMs <= MaxUnixMs
            ? DateTimeOffset.FromUnixTimeMilliseconds(sample.TimestampUnixMs).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture)
            : $"{sample.TimestampUnixMs} ms after the Unix epoch (after year 9999)";
        return $"series {SeriesText(sample)} in namespace {ns} is stamped {stamped}, " +
               $"{Math.Abs(offsetMs) / 1000.0:0.###} s {direction} the adapter's clock; samples more than " +
               $"{limit.TotalSeconds:0.###} s {direction} it are refused ({setting})";
    }

    private static string SeriesText(Sample sample) =>
        sample.Name + "{" + string.Join(',', sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}=\"{l.Value}\"")) + "}";

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex NamespaceName();

    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:.-]{0,199}$")]
    private static partial Regex MetricName();

    // Prometheus label names, plus Kubernetes-style prefixed keys (app.kubernetes.io/name) that selectors use.
    [GeneratedRegex("^([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?/)?[A-Za-z_]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9_])?$")]
    private static partial Regex LabelName();
}
