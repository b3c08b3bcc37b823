using k8s;
using k8s.Models;

namespace Autoscaler.MetricsAdapter.Auth;

/// <summary>TokenReview through the kube-apiserver (needs <c>system:auth-delegator</c>).</summary>
internal sealed class KubernetesTokenReviewer(IKubernetes client) : ITokenReviewer
{
    public async Task<TokenReviewOutcome> ReviewAsync(string token, CancellationToken cancellationToken)
    {
        var review = await client.AuthenticationV1.CreateTokenReviewAsync(
            new V1TokenReview { Spec = new V1TokenReviewSpec { Token = token } }, cancellationToken: cancellationToken).ConfigureAwait(false);
        var status = review.Status;
        if (status is null || status.Authenticated != true || status.User?.Username is not { Length: > 0 } name)
        {
            return new TokenReviewOutcome(false, null, status?.Error ?? "not authenticated");
        }

        var extra = (status.User.Extra ?? new Dictionary<string, IList<string>>())
            .ToDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)(kv.Value ?? []).ToArray(), StringComparer.Ordinal);
        return new TokenReviewOutcome(true, AuthenticatedUser.Create(name, status.User.Uid ?? string.Empty, status.User.Groups ?? [], extra), string.Empty);
    }
}
