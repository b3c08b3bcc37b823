namespace Autoscaler.Calendar.Auth;

/// <summary>Authenticates a Kubernetes bearer token (a TokenReview).</summary>
public interface ITokenReviewer
{
    /// <summary>The token's user, or null when the API server says it is not authenticated.</summary>
    Task<CalendarUser?> ReviewAsync(string token, CancellationToken cancellationToken);
}
