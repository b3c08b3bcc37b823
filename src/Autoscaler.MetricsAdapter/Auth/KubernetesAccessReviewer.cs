using k8s;
using k8s.Models;

namespace Autoscaler.MetricsAdapter.Auth;

/// <summary>SubjectAccessReview through the kube-apiserver (needs <c>system:auth-delegator</c>).</summary>
internal sealed class KubernetesAccessReviewer(IKubernetes client) : IAccessReviewer
{
    public async Task<AccessDecision> ReviewAsync(AuthenticatedUser user, RequestAttributes attributes, CancellationToken cancellationToken)
    {
        var spec = new V1SubjectAccessReviewSpec
        {
            User = user.Name,
            Groups = user.Groups.ToList(),
            Uid = user.Uid,
            Extra = user.Extra.ToDictionary(kv => kv.Key, kv => (IList<string>)kv.Value.ToList(), StringComparer.Ordinal),
        };
        if (attributes.IsResourceRequest)
        {
            spec.ResourceAttributes = new V1ResourceAttributes
            {
                NamespaceProperty = attributes.Namespace,
                Verb = attributes.Verb,
                Group = attributes.Group,
                Version = attributes.Version,
                Resource = attributes.Resource,
                Subresource = attributes.Subresource,
                Name = attributes.Name,
            };
        }
        else
        {
            spec.NonResourceAttributes = new V1NonResourceAttributes { Path = attributes.Path, Verb = attributes.Verb };
        }

        var review = await client.AuthorizationV1.CreateSubjectAccessReviewAsync(
            new V1SubjectAccessReview { Spec = spec }, cancellationToken: cancellationToken).ConfigureAwait(false);
        var status = review.Status ?? throw new InvalidOperationException("SubjectAccessReview returned no status");
        return new AccessDecision(status.Allowed && status.Denied != true, status.Reason ?? status.EvaluationError ?? string.Empty);
    }
}
