using System.Collections.Concurrent;
using Autoscaler.MetricsAdapter.Auth;

namespace Autoscaler.MetricsAdapter.Tests.TestSupport;

/// <summary>Scripted TokenReview/SubjectAccessReview answers that count calls (unit tests only; the e2e suite uses a real apiserver).</summary>
internal sealed class FakeReviewers : ITokenReviewer, IAccessReviewer
{
    public ConcurrentDictionary<string, AuthenticatedUser> Tokens { get; } = new();

    /// <summary>Users allowed to read everything.</summary>
    public ConcurrentBag<string> AllowedUsers { get; } = [];

    public bool Fail { get; set; }

    /// <summary>When set, decides every access review instead of <see cref="AllowedUsers"/>.</summary>
    public Func<AuthenticatedUser, RequestAttributes, bool>? Decide { get; set; }

    public int TokenCalls;

    public int AccessCalls;

    public ConcurrentQueue<RequestAttributes> Reviewed { get; } = new();

    public Task<TokenReviewOutcome> ReviewAsync(string token, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref TokenCalls);
        if (Fail)
        {
            throw new HttpRequestException("apiserver unreachable");
        }

        return Task.FromResult(Tokens.TryGetValue(token, out var user) ? new TokenReviewOutcome(true, user, string.Empty) : new TokenReviewOutcome(false, null, "invalid token"));
    }

    public Task<AccessDecision> ReviewAsync(AuthenticatedUser user, RequestAttributes attributes, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref AccessCalls);
        Reviewed.Enqueue(attributes);
        if (Fail)
        {
            throw new HttpRequestException("apiserver unreachable");
        }

        var allowed = Decide?.Invoke(user, attributes) ?? AllowedUsers.Contains(user.Name);
        return Task.FromResult(allowed ? new AccessDecision(true, string.Empty) : new AccessDecision(false, "no RBAC policy matched"));
    }
}
