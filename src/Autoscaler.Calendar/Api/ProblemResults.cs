using Autoscaler.Calendar.Forms;

namespace Autoscaler.Calendar.Api;

/// <summary>The error bodies the pages read: a field map (422) or one message.</summary>
public static class ProblemResults
{
    /// <summary>422 with per-field errors and warnings and, for a DST overlap, the offsets to choose from.</summary>
    public static IResult Invalid(ValidatedEvent v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var message = v.Errors.IsEmpty ? "the event overlaps another one for the same service: confirm to save anyway" : "please correct the marked fields; nothing was saved";
        return Results.Json(
            new { error = message, errors = v.Errors.ByField, warnings = v.Warnings.ByField, offsetChoices = v.OffsetChoices },
            statusCode: StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>A single message with a status.</summary>
    public static IResult Message(int status, string message) => Results.Json(new { error = message }, statusCode: status);
}
