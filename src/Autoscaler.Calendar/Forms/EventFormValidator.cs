using System.Globalization;
using System.Text.RegularExpressions;
using Autoscaler.Calendar.Cluster;
using Autoscaler.Core.Planning.Calendar;
using Autoscaler.Core.TimeSeries;
using Autoscaler.Kubernetes.Entities;

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
        ResolvedTime? start = null, end = null;
        if (zone is not null)
        {
            start = FormTimeResolver.Resolve(form.Start, zone, form.StartOffset, out var e1, out var c1);
            if (start is null) errors.Add("start", e1);
            if (c1.Count > 0) choices["start"] = c1;
            end = FormTimeResolver.Resolve(form.End, zone, form.EndOffset, out var e2, out var c2);
            if (end is null) errors.Add("end", e2);
            if (c2.Count > 0) choices["end"] = c2;
        }

        if (start is not null && start.Instant < now && !(editing is not null && editing.Spec.Start == start.SpecText))
        {
            errors.Add("start", string.Create(CultureInfo.InvariantCulture, $"{start.Instant:yyyy-MM-dd HH:mm}Z is in the past (now {now.UtcDateTime:yyyy-MM-dd HH:mm}Z)"));
        }

        if (start is not null && end is not null)
        {
            if (end.Instant <= start.Instant) errors.Add("end", "must be after the start");
            else if (end.Instant - start.Instant > EventLimits.MaxDuration) errors.Add("end", $"the window is longer than {EventLimits.MaxDuration.TotalDays:0} days; split it or use a recurrence");
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

        var recurrence = ValidateRecurrence(form, zone, start, end, kind, errors);
        var overlapping = start is not null && end is not null && services.Count > 0
            ? Overlaps(existing, services, start.Instant, end.Instant, editing?.Metadata.Name)
            : [];
        if (overlapping.Count > 0)
        {
            warnings.Add("start", $"overlaps {string.Join(", ", overlapping)} for the same service: the floors combine (the preview shows the combined floor); tick 'save anyway' to keep both");
        }

        if (!errors.IsEmpty || start is null || end is null || load is null)
        {
            return new ValidatedEvent(errors, warnings, null, start?.Instant, end?.Instant, overlapping, choices);
        }

        var spec = new ScalingEventSpec
        {
            Targets = new ScalingEventTargets { HpaNames = services },
            Start = start.SpecText,
            End = end.SpecText,
            TimeZone = zone!.Id,
            Kind = kind,
            Description = string.IsNullOrEmpty(note) ? null : note,
            ExpectedLoad = load,
            LeadTime = lead,
            Recurrence = recurrence,
        };
        return new ValidatedEvent(errors, warnings, spec, start.Instant, end.Instant, overlapping, choices);
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

    private static EventRecurrence? ValidateRecurrence(EventForm form, NodaTime.DateTimeZone? zone, ResolvedTime? start, ResolvedTime? end, string kind, FieldMessages errors)
    {
        if (string.IsNullOrWhiteSpace(form.Recurrence)) return null;
        var duration = start is not null && end is not null ? end.Instant - start.Instant : TimeSpan.FromMinutes(1);
        if (RecurringWindow.TryCreate(form.Recurrence, zone?.Id ?? "UTC", duration > TimeSpan.Zero ? duration : TimeSpan.FromMinutes(1), kind, null, null, out var error) is null)
        {
            errors.Add("recurrence", error);
            return null;
        }

        string? until = null;
        if (!string.IsNullOrWhiteSpace(form.RecurrenceUntil) && zone is not null)
        {
            var resolved = FormTimeResolver.Resolve(form.RecurrenceUntil, zone, null, out var untilError, out _);
            if (resolved is null) errors.Add("recurrenceUntil", untilError);
            else if (start is not null && resolved.Instant <= start.Instant) errors.Add("recurrenceUntil", "must be after the start");
            else until = resolved.SpecText;
        }

        return new EventRecurrence { Schedule = form.Recurrence.Trim(), Until = until };
    }

    private static List<string> Overlaps(IReadOnlyList<V1Alpha1ScalingEvent> existing, List<string> services, DateTimeOffset start, DateTimeOffset end, string? self)
    {
        var result = new List<string>();
        foreach (var other in existing)
        {
            if (other.Metadata.Name == self || EventState.Of(other) is EventState.Cancelled or EventState.Rejected or EventState.Completed) continue;
            if (other.Spec.Targets.HpaNames is not { } names || !names.Any(services.Contains)) continue;
            if (!LocalTimeResolver.TryResolve(other.Spec.Start, other.Spec.TimeZone, false, out var os, out _)
                || !LocalTimeResolver.TryResolve(other.Spec.End, other.Spec.TimeZone, true, out var oe, out _)) continue;
            if (os < end && start < oe) result.Add(EventTitle.Of(other));
        }

        return result;
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex(@"^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$")]
    private static partial Regex GoDuration();
}
