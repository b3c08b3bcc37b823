using Autoscaler.MetricsAdapter.Providers;

namespace Autoscaler.MetricsAdapter.Errors;

/// <summary>An HTTP failure to be written as a metav1.Status; built by the named factories so codes and reasons stay consistent.</summary>
internal sealed record ApiError(int Code, string Reason, string Message, StatusDetailsBody? Details = null)
{
    public static ApiError BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiError Unauthorized() => new(401, "Unauthorized", "Unauthorized");

    public static ApiError Forbidden(string message, string? group, string? resource, string? name) =>
        new(403, "Forbidden", message, new StatusDetailsBody { Group = NullIfEmpty(group), Kind = NullIfEmpty(resource), Name = NullIfEmpty(name) });

    public static ApiError NotFound(string message, string? resource = null, string? name = null) =>
        new(404, "NotFound", message, resource is null && name is null ? null : new StatusDetailsBody { Kind = resource, Name = name });

    public static ApiError NotFoundPath() => new(404, "NotFound", "the server could not find the requested resource");

    public static ApiError MethodNotAllowed(string method) => new(405, "MethodNotAllowed", $"the server does not allow this method on the requested resource: {method}");

    public static ApiError NotAcceptable() => new(406, "NotAcceptable", "only the following media types are accepted: application/json");

    public static ApiError TooLarge(long limit) => new(413, "RequestEntityTooLarge", $"the request is larger than the limit of {limit} bytes");

    public static ApiError Internal(string message) =>
        new(500, "InternalError", $"Internal error occurred: {message}", new StatusDetailsBody { Causes = [new StatusCauseBody { Message = message }] });

    public static ApiError Unavailable(string message, int retryAfterSeconds = 0) =>
        new(503, "ServiceUnavailable", message, retryAfterSeconds > 0 ? new StatusDetailsBody { RetryAfterSeconds = retryAfterSeconds } : null);

    public static ApiError Timeout(string message) => new(504, "Timeout", message);

    /// <summary>Maps a source's expected failure to its Status (PROTOCOLS.md §1.8).</summary>
    public static ApiError FromMetricError(MetricError error, string? resource, string? name) => error.Kind switch
    {
        MetricErrorKind.NotFound or MetricErrorKind.NoValue or MetricErrorKind.Stale => NotFound(error.Message, resource, name),
        MetricErrorKind.SourceUnavailable => Unavailable(error.Message, 5),
        MetricErrorKind.Timeout => Timeout(error.Message),
        MetricErrorKind.Configuration => Internal(error.Message),
        _ => BadRequest(error.Message),
    };

    public StatusBody ToBody() => new() { Message = Message, Reason = Reason, Details = Details, Code = Code };

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
