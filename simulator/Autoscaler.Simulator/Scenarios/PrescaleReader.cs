using Autoscaler.Core.Forecasting;
using Autoscaler.Core.Planning;
using Autoscaler.Core.Planning.Calendar;
using Autoscaler.Core.TimeSeries;

namespace Autoscaler.Simulator.Scenarios;

/// <summary>Reads and validates the <c>prescale</c> section; every problem becomes an <see cref="InputError"/> with its line.</summary>
internal static class PrescaleReader
{
    public static PrescaleModel? Read(YamlMap map, string file, int maxReplicas, List<InputError> errors)
    {
        var before = errors.Count;
        var eventsText = map.String("events");
        var forecaster = map.String("forecaster") ?? "auto";
        var quantile = map.Double("quantile");
        var headroom = map.Double("headroom");
        var lead = map.String("leadTime");
        var actuation = map.String("actuation");
        var refit = Duration(map, "refitEvery");
        var history = Duration(map, "history");
        var maxFloor = map.Int("maxFloor");
        var maxStepUp = map.Int("maxStepUp");
        var mode = map.String("mode");
        var scope = map.String("scope");
        var schedule = map.List("schedule");
        var recurring = map.List("recurring");
        var exclusions = map.List("exclusions");
        var target = map.String("target");
        var gate = map.Map("trustGate");
        bool? gateOn = null;
        TimeSpan? gateWindow = null;
        if (gate is not null)
        {
            gateOn = gate.String("enabled") switch
            {
                null => null,
                "true" => true,
                "false" => false,
                var other => Bad<bool?>(gate, "enabled", $"'{other}' is not true or false", null),
            };
            gateWindow = Duration(gate, "window");
            gate.RejectUnknown();
            if (gateWindow is { } w && w < TimeSpan.FromDays(1)) gate.Error("window", "must be at least 1d");
        }

        map.RejectUnknown();
        if (target is not null && (target.Split('/') is not [{ Length: > 0 }, { Length: > 0 }])) map.Error("target", $"'{target}' is not namespace/name");

        if (forecaster != "none" && !ForecasterCatalog.TryCreate(forecaster, out _, out var modelError)) map.Error("forecaster", $"{modelError} (or none: events only)");
        if (quantile is { } q && !(q >= 0.1 && q <= 0.9)) map.Error("quantile", $"must be between 0.1 and 0.9 (was {q})");
        Check.AtLeast(map, "headroom", headroom, 0);
        TimeSpan? leadTime = null;
        if (lead is not null and not "auto") leadTime = Duration(map, "leadTime", lead);
        if (refit is { } r && r < TimeSpan.FromMinutes(1)) map.Error("refitEvery", "must be at least 1m");
        if (history is { } h && h < TimeSpan.FromDays(1)) map.Error("history", "must be at least 1d");
        Check.AtLeast(map, "maxFloor", maxFloor, 1);
        Check.AtLeast(map, "maxStepUp", maxStepUp, 1);
        var actuationKind = actuation switch
        {
            null or "minReplicas" => FloorActuation.MinReplicas,
            "externalMetric" => FloorActuation.ExternalMetric,
            _ => Bad(map, "actuation", $"'{actuation}' is not an actuation (minReplicas or externalMetric)", FloorActuation.MinReplicas),
        };
        var modeKind = mode switch
        {
            null or "auto" => PlanningMode.Auto,
            "observe" => PlanningMode.Observe,
            "recommend" => PlanningMode.Recommend,
            _ => Bad(map, "mode", $"'{mode}' is not a mode (observe, recommend or auto)", PlanningMode.Auto),
        };
        var forecastFloors = scope switch
        {
            null or "always" => true,
            "events" => false,
            _ => Bad(map, "scope", $"'{scope}' is not a scope (always: forecast floors everywhere; events: event windows only)", true),
        };

        var eventsPath = eventsText is null ? null : Path.Combine(Path.GetDirectoryName(file) ?? ".", eventsText);
        var oneOff = new List<PlannedEvent>();
        if (eventsPath is not null) oneOff.AddRange(EventsCsv.Read(eventsPath, map, errors));
        foreach (var item in schedule ?? []) { if (CalendarItemReader.OneOff(item) is { } e) oneOff.Add(e); }
        var windows = (recurring ?? []).Select(CalendarItemReader.Recurring).OfType<RecurringWindow>().ToList();
        var excluded = (exclusions ?? []).Select(CalendarItemReader.Exclusion).OfType<ExclusionDate>().ToList();
        if (errors.Count > before) return null;

        return new PrescaleModel
        {
            EventsPath = eventsPath,
            Calendar = new EventCalendar(oneOff, windows, excluded),
            Forecaster = forecaster,
            Quantile = quantile ?? 0.9,
            Headroom = headroom ?? 0.1,
            LeadTime = leadTime,
            Actuation = actuationKind,
            RefitEvery = refit ?? TimeSpan.FromHours(1),
            History = history ?? TimeSpan.FromDays(14),
            MaxFloor = maxFloor is { } m ? Math.Min(m, maxReplicas) : null,
            MaxStepUp = maxStepUp,
            Mode = modeKind,
            ForecastFloors = forecastFloors,
            TrustGate = gateOn ?? (gate is not null),
            TrustWindow = gateWindow ?? TimeSpan.FromDays(7),
            Target = target,
        };
    }

    /// <summary>Reads a duration field such as <c>1h</c>; a bad one is an error on its line.</summary>
    public static TimeSpan? Duration(YamlMap map, string key, string? text = null)
    {
        text ??= map.String(key);
        if (text is null) return null;
        if (DurationParser.TryParse(text, out var value, out var error)) return value;
        map.Error(key, error);
        return null;
    }

    private static T Bad<T>(YamlMap map, string key, string message, T fallback)
    {
        map.Error(key, message);
        return fallback;
    }
}
