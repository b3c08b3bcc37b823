using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Autoscaler.Core.Decisions;
using Autoscaler.Core.TimeSeries;
using Autoscaler.Simulator.Prescale;

namespace Autoscaler.Simulator.Reporting;

/// <summary>The planner's parts of summary.json, and decisions.jsonl (one <see cref="DecisionRecord"/> per line).</summary>
internal static class PrescaleJson
{
    private static readonly JsonSerializerOptions Line = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Readable '+', '×' and quotes in the details: the file is read by people and jq, never embedded in HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static object Describe(PrescaleOutcome p) => new
    {
        mode = p.Mode.ToString().ToLowerInvariant(),
        actuation = p.Actuation == Autoscaler.Core.Planning.FloorActuation.MinReplicas ? "minReplicas" : "externalMetric",
        forecaster = p.Forecaster,
        leadTime = DurationParser.Format(p.LeadTime.Value),
        leadTimeSource = p.LeadTime.HowComputed,
        decisions = p.Decisions.Count,
        trustGate = p.TrustGate
            ? new { window = DurationParser.Format(p.TrustWindow), withheldSteps = p.WithheldSteps, trusted = p.Trusted, lastVerdict = p.LastVerdict }
            : null,
    };

    public static IEnumerable<object> Events(PrescaleOutcome p) => p.Events.Select(e => new
    {
        kind = e.Kind,
        start = Time(e.Start),
        end = Time(e.End),
        description = e.Description,
        overloadMinutes = Math.Round(e.OverloadMinutes, 4),
        timeToCapacitySeconds = Math.Round(e.TimeToCapacitySeconds, 3),
        podHours = Math.Round(e.PodHours, 4),
    });

    /// <summary>One JSON object per line; times ISO-8601 UTC, the lead time in seconds.</summary>
    public static void WriteDecisions(TextWriter writer, IEnumerable<DecisionRecord> records)
    {
        foreach (var r in records)
        {
            writer.Write(JsonSerializer.Serialize(
                new
                {
                    time = r.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    r.Mode, r.Actuation, r.Floor, r.AppliedFloor, r.WantedFloor, r.WithheldFloor, r.Reason, r.Detail, r.Event, r.Uplift, r.Normal, r.NormalSource,
                    leadTimeSeconds = r.LeadTime.TotalSeconds, r.LeadTimeSource, r.HpaMinReplicas, r.HpaMaxReplicas, r.CurrentReplicas,
                    r.Forecast, r.Quantile, r.Headroom, r.Capacity, r.Action,
                },
                Line));
            writer.Write('\n');
        }
    }

    private static string Time(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
