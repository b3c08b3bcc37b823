using System.Text.Json;
using System.Text.Json.Serialization;

namespace Autoscaler.Simulator.Reporting;

/// <summary>Writes <c>summary.json</c>: the numeric fields first, then the range, the trace and the scenario echoed back.</summary>
internal static class SummaryJsonWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string ToJson(ReplaySummary summary)
    {
        var document = new Dictionary<string, object?>(StringComparer.Ordinal);
        var prescale = summary.Outcome.Prescale;
        foreach (var (name, value) in summary.NumericFields())
        {
            if (prescale is not null || !ReplaySummary.PrescaleFieldNames.Contains(name)) document[name] = value;
        }

        document["from"] = summary.Outcome.From.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        document["to"] = summary.Outcome.To.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var report = summary.Trace.Report;
        document["trace"] = new
        {
            path = summary.Trace.Path.Replace('\\', '/'),
            points = report.PointCount,
            interval = Autoscaler.Core.TimeSeries.DurationParser.Format(summary.Trace.Interval),
            normalization = summary.Trace.Normalization,
            irregularities = report.Describe(),
            gaps = report.GapCount,
            missingPoints = report.MissingPoints,
            duplicates = report.DuplicateCount,
            outOfOrder = report.OutOfOrderCount,
            offGrid = report.OffGridCount,
        };
        if (prescale is not null)
        {
            document["prescale"] = PrescaleJson.Describe(prescale);
            document["events"] = PrescaleJson.Events(prescale);
        }

        document["scenario"] = summary.ScenarioEcho;
        return JsonSerializer.Serialize(document, Options) + "\n";
    }
}
