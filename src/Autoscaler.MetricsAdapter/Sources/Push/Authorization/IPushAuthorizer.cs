namespace Autoscaler.MetricsAdapter.Sources.Push.Authorization;

/// <summary>
/// Decides whether a caller may push samples into a namespace. Transport-neutral: the push handler extracts
/// <see cref="PushCredentials"/> from the call's <c>HttpContext</c> and maps the answer to a status code
/// (<see cref="PushAccessOutcome.Unauthenticated"/> → <c>UNAUTHENTICATED</c>, <see cref="PushAccessOutcome.Denied"/> →
/// <c>PERMISSION_DENIED</c>, <see cref="PushAccessOutcome.Unavailable"/> → <c>UNAVAILABLE</c>); nothing is stored
/// unless the answer is <see cref="PushAccessOutcome.Allowed"/>.
/// </summary>
public interface IPushAuthorizer
{
    /// <summary>Authenticates <paramref name="credentials"/> and authorizes a push into <paramref name="ns"/>.
    /// Never throws for a failed review: that is <see cref="PushAccessOutcome.Unavailable"/>, never an allow.</summary>
    /// <param name="credentials">What the caller presented.</param>
    /// <param name="ns">The namespace of the push request (as sent; validation happens after authorization).</param>
    /// <param name="cancellationToken">Cancels the reviews.</param>
    Task<PushAccess> AuthorizeAsync(PushCredentials credentials, string ns, CancellationToken cancellationToken);
}
