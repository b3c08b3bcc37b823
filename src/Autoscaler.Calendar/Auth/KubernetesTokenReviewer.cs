using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Autoscaler.Calendar.Auth;

/// <summary><see cref="ITokenReviewer"/> as an authentication.k8s.io/v1 TokenReview.</summary>
public sealed class KubernetesTokenReviewer : ITokenReviewer
{
    private readonly IKubernetes _client;

    /// <summary>Creates the reviewer (the calendar's service account needs create on tokenreviews).</summary>
    public KubernetesTokenReviewer(IKubernetes client) => _client = client;

    /// <inheritdoc />
    public async Task<CalendarUser?> ReviewAsync(string token, CancellationToken cancellationToken)
    {
        var review = new V1TokenReview { Spec = new V1TokenReviewSpec { Token = token } };
        try
        {
            var result = await _client.AuthenticationV1.CreateTokenReviewAsync(review, cancellationToken: cancellationToken).ConfigureAwait(false);
            return result.Status?.Authenticated == true && result.Status.User?.Username is { Length: > 0 } name
                ? new CalendarUser(name, result.Status.User.Groups?.ToList() ?? [], ProxyAuthenticationHandler.TokenMethod)
                : null;
        }
        catch (HttpOperationException)
        {
            return null;
        }
    }
}
