namespace Autoscaler.Calendar.Cluster;

/// <summary>A call to the API server failed; <see cref="StatusCode"/> and the server's own message are kept for the user.</summary>
public sealed class ClusterException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ClusterException(int statusCode, string message, Exception? inner = null)
        : base(message, inner) => StatusCode = statusCode;

    /// <summary>Creates an exception with status 502.</summary>
    public ClusterException()
        : this(502, "the API server call failed")
    {
    }

    /// <summary>Creates an exception with status 502 and a message.</summary>
    public ClusterException(string message)
        : this(502, message)
    {
    }

    /// <summary>Creates an exception with status 502, a message and the cause.</summary>
    public ClusterException(string message, Exception inner)
        : this(502, message, inner)
    {
    }

    /// <summary>The HTTP status the API server answered (409 conflict, 422 invalid, 403 forbidden), or 502 when unreachable.</summary>
    public int StatusCode { get; }
}
