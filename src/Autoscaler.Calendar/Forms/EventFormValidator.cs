using System.Globalization;
using System.Text.RegularExpressions;
using Autoscaler.Calendar.Cluster;
using Autoscaler.Core.Planning.Calendar;
using Autoscaler.Core.TimeSeries;
using Autoscaler.Kubernetes.Entities;
using Autoscaler.Kubernetes.Entities.Mapping;

namespace Autoscaler.Calendar.Forms;

/// <summary>
/// Checks an <see cref="EventForm"/> completely (every field, all messages at once) and builds the ScalingEvent spec.
/// Pure: the clock, the namespace's workloads and its existing events come in as arguments.
/// </summary>
public static partial class EventFormValidator
{
    /// <summary>Validates <paramref name="form"/> at <paramref name="now"/>.</summary>
    /// <param name="form">What the user typed.</param>
    /// <param name="now">Current time.</param>
    /// <param name="workloads">The namespace's HPAs (a service must be one of them).</param>
    /// <param name="existing">The namespace's events, for the overlap warning.</param>
    /// <param name="editing">On edit: the event being edited (its own window is no overlap; an unchanged past start is allowed).</param>
    public static ValidatedEvent Validate(EventForm form, DateTimeOffset now, IReadOnlyList<Workload> workloads, IReadOnlyList<V1Alpha1ScalingEvent> existing, V1Alpha1ScalingEvent? editing = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(workloads);
        ArgumentNullException.ThrowIfNull(existing);
        var errors = new FieldMessages();
        var warnings = new FieldMessages();
        var choices = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

        var title = form.Title?.Trim() ?? string.Empty;
        if (title.Length == 0) errors.Add("title", "required: a name people will recognise, e.g. Spring sale");
        else if (title.Length > EventLimits.MaxTitle) errors.Add("title", $"at most {EventLimits.MaxTitle} characters (got {title.Length})");

        var services = (form.Services ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (services.Count == 0) errors.Add("services", "choose at least one service");
        foreach (var unknown in services.Where(s => workloads.All(w => w.HpaName != s)))
        {
            errors.Add("services", $"unknown service '{unknown}': not an HPA in this namespace (choose from the list)");
        }

        var zone = LocalTimeResolver.FindZone(form.TimeZone, out var zoneError);
        if (zone is null) errors.Add("timeZone", zoneError);
        string? startText = null, endText = null, untilText = null;
        if (zone is not null)
        {
            startText = FormTimeText.ToSpecText(form.Start, zone, form.StartOffset, askOnOverlap: true, out var e1, out var c1);
            if (startText is null) errors.Add("start", e1);
            if (c1.Count > 0) choices["start"] = c1;
            endText = FormTimeText.ToSpecText(form.End, zone, form.EndOffset, askOnOverlap: true, out var e2, out var c2);
            if (endText is null) errors.Add("end", e2);
            if (c2.Count > 0) choices["end"] = c2;
            if (!string.IsNullOrWhiteSpace(form.RecurrenceUntil))
            {
                untilText = FormTimeText.ToSpecText(form.RecurrenceUntil, zone, null, askOnOverlap: false, out var e3, out _);
                if (untilText is null) errors.Add("recurrenceUntil", e3);
            }
        }

        var load = ValidateLoad(form, workloads, services, errors);
        var kind = string.IsNullOrWhiteSpace(form.Kind) ? "promotion" : form.Kind.Trim();
        if (!DnsLabel().IsMatch(kind)) errors.Add("kind", $"'{kind}' must be lower-case letters, digits and '-' (e.g. flash-sale), at most 63 characters");
        var note = form.Note?.Trim();
        if (note is { Length: > EventLimits.MaxNote }) errors.Add("note", $"at most {EventLimits.MaxNote} characters (got {note.Length})");
        var lead = string.IsNullOrWhiteSpace(form.LeadTime) ? null : form.LeadTime.Trim();
        if (lead is not null && lead != "auto" && (!DurationParser.TryParse(lead, out var leadSpan, out _) || leadSpan < TimeSpan.Zero || leadSpan > TimeSpan.FromHours(6) || !GoDuration().IsMatch(lead)))
        {
            errors.Add("leadTime", $"'{lead}' is not auto or a duration up to 6h (e.g. 90s, 5m, 1h30m)");
        }

        var schedule = string.IsNullOrWhiteSpace(form.Recurrence) ? null : form.Recurrence.Trim();
        if (schedule is not null && RecurringWindow.TryCreate(schedule, zone?.Id ?? "UTC", TimeSpan.FromMinutes(1), kind, null, null, out var cronError) is null)
        {
            errors.Add("recurrence", cronError);
            schedule = null;
        }

        var recurrence = schedule is null ? null : new EventRecurrence { Schedule = schedule, Until = untilText };
        var series = startText is not null && endText is not null
            ? MapTimes(startText, endText, zone!, kind, recurrence, errors)
            : null;
        DateTimeOffset? start = series?.First.Start, end = series?.First.End;
        if (series is not null && series.First.Start < now && !(editing is not null && editing.Spec.Start == startText))
        {
            errors.Add("start", string.Create(CultureInfo.InvariantCulture, $"{series.First.Start:yyyy-MM-dd HH:mm}Z is in the past (now {now.UtcDateTime:yyyy-MM-dd HH:mm}Z)"));
        }

        if (series is not null && series.First.End - series.First.Start > EventLimits.MaxDuration)
        {
            errors.Add("end", $"the window is longer than {EventLimits.MaxDuration.TotalDays:0} days; split it or use a recurrence");
        }

        if (series is { Until: { } until } && until <= series.First.Start) errors.Add("recurrenceUntil", "must be after the start");

        var overlapping = series is not null && services.Count > 0
            ? EventOverlaps.Find(series, services, existing, editing?.Metadata.Name, now)
            : [];
        if (overlapping.Count > 0)
        {
            warnings.Add("start", $"overlaps {string.Join("; ", overlapping.Select(o => o.Describe()))} for the same service: the floors combine (the preview shows the combined floor); tick 'save anyway' to keep both");
        }

        var overlappingNames = overlapping.Select(o => o.Title).ToList();
        if (!errors.IsEmpty || start is null || end is null || load is null)
        {
            return new ValidatedEvent(errors, warnings, null, start, end, overlappingNames, choices);
        }

        var spec = new ScalingEventSpec
        {
            Targets = new ScalingEventTargets { HpaNames = services },
            Start = startText!,
            End = endText!,
            TimeZone = zone!.Id,
            Kind = kind,
            Description = string.IsNullOrEmpty(note) ? null : note,
            ExpectedLoad = load,
            LeadTime = lead,
            Recurrence = recurrence,
        };
        return new ValidatedEvent(errors, warnings, spec, start, end, overlappingNames, choices);
    }

    private static ExpectedLoad? ValidateLoad(EventForm form, IReadOnlyList<Workload> workloads, List<string> services, FieldMessages errors)
    {
        var value = form.LoadValue;
        if (value is not { } v || !double.IsFinite(v))
        {
            errors.Add("loadValue", "required: how much traffic you expect");
            return null;
        }

        switch (form.LoadKind)
        {
            case "multiplier":
                if (v <= 1 || v > EventLimits.MaxMultiplier)
                {
                    errors.Add("loadValue", $"a multiplier must be above 1 and at most {EventLimits.MaxMultiplier} (\"about 8x\" is 8); for more, ask an SRE for an absolute floor");
                    return null;
                }

                return new ExpectedLoad { Multiplier = v };
            case "bumpPercent":
                if (v < 1 || v > EventLimits.MaxBumpPercent || v != Math.Floor(v))
                {
                    errors.Add("loadValue", $"a bump must be a whole percentage from 1 to {EventLimits.MaxBumpPercent} (\"+40 %\" is 40)");
                    return null;
                }

                return new ExpectedLoad { BumpPercent = (int)v };
            case "absoluteFloor":
                var tooMany = workloads.Where(w => services.Contains(w.HpaName) && v > w.MaxReplicas).ToList();
                if (v < 1 || v != Math.Floor(v) || v > 10000)
                {
                    errors.Add("loadValue", "a replica floor must be a whole number from 1 to 10000");
                    return null;
                }

                if (tooMany.Count > 0)
                {
                    errors.Add("loadValue", string.Join("; ", tooMany.Select(w => $"{w.DisplayName} allows at most {w.MaxReplicas} replicas (HPA maxReplicas)")));
                    return null;
                }

                return new ExpectedLoad { AbsoluteFloor = (int)v };
            default:
                errors.Add("loadKind", "choose multiplier (about N x), bumpPercent (+N %) or absoluteFloor (at least N replicas)");
                return null;
        }
    }

    /// <summary>
    /// The event's windows through the shared mapping (<see cref="ScalingEventMapping"/>: Core's time rules, the conversion the
    /// controller plans with); its problems go to the form's fields. The load does not move a window, so a placeholder stands
    /// in for it (the form checks the load itself).
    /// </summary>
    private static EventSeries? MapTimes(string startText, string endText, NodaTime.DateTimeZone zone, string kind, EventRecurrence? recurrence, FieldMessages errors)
    {
        var times = new ScalingEventSpec
        {
            Start = startText, End = endText, TimeZone = zone.Id, Kind = kind, Recurrence = recurrence,
            ExpectedLoad = new ExpectedLoad { Multiplier = 2 },
        };
        var mapped = ScalingEventMapping.Map(times, null);
        foreach (var problem in mapped.Problems)
        {
            var field = problem.Field switch
            {
                "spec.start" => "start",
                "spec.end" => "end",
                "spec.recurrence.schedule" => "recurrence",
                "spec.recurrence.until" => "recurrenceUntil",
                "spec.timeZone" => "timeZone",
                _ => "start",
            };
            errors.Add(field, problem.Reason == "EndNotAfterStart" ? "must be after the start" : problem.Message);
        }

        return mapped.Series;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex(@"^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$")]
    private static partial Regex GoDuration();
}
