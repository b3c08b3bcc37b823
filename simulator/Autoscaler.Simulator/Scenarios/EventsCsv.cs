using Autoscaler.Core.Forecasting.Events;
using Autoscaler.Core.Planning;

namespace Autoscaler.Simulator.Scenarios;

/// <summary>Reads the <c>prescale.events</c> CSV through the core's <see cref="EventCalendarParser"/>; its errors keep their file and line.</summary>
internal static class EventsCsv
{
    public static IReadOnlyList<PlannedEvent> Read(string path, YamlMap map, List<InputError> errors)
    {
        if (!File.Exists(path))
        {
            map.Error("events", $"events file '{path}' not found (paths are relative to the scenario file)");
            return [];
        }

        using var reader = File.OpenText(path);
        var parsed = EventCalendarParser.Parse(reader, path);
        if (!parsed.Succeeded)
        {
            errors.AddRange(parsed.Diagnostics.Select(d => new InputError(path, d.Line, d.Field, d.Message)));
            return [];
        }

        return parsed.Events!
            .Select(e => new PlannedEvent(e.Start, e.End, e.Kind, e.ExpectedMultiplier is { } m ? ExpectedLoad.Multiplier(m) : null) { Description = e.Description })
            .ToList();
    }
}
