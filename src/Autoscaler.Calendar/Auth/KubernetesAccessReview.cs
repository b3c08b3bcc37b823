using Autoscaler.Calendar.Cluster;
using Autoscaler.Kubernetes.Entities;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Autoscaler.Calendar.Auth;

/// <summary><see cref="IAccessReview"/> as an authorization.k8s.io/v1 SubjectAccessReview on scalingevents.</summary>
public sealed class KubernetesAccessReview : IAccessReview
{
    private readonly IKubernetes _client;

    /// <summary>Creates the reviewer (the calendar's service account needs create on subjectaccessreviews).</summary>
    public KubernetesAccessReview(IKubernetes client) => _client = client;

    /// <inheritdoc />
    public async Task<bool> AllowedAsync(CalendarUser user, string verb, string ns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var review = new V1SubjectAccessReview
        {
            Spec = new V1SubjectAccessReviewSpec
            {
                User = user.Name,
                Groups = user.Groups.ToList(),
                ResourceAttributes = new V1ResourceAttributes
                {
                    Group = AutoscalerApi.Group, Resource = AutoscalerApi.ScalingEventPlural, Verb = verb, NamespaceProperty = ns,
                },
            },
        };
        try
        {
            var result = await _client.AuthorizationV1.CreateSubjectAccessReviewAsync(review, cancellationToken: cancellationToken).ConfigureAwait(false);
            return result.Status?.Allowed == true && result.Status.Denied != true;
        }
        catch (HttpOperationException e)
        {
            throw new ClusterException((int)(e.Response?.StatusCode ?? System.Net.HttpStatusCode.BadGateway), $"SubjectAccessReview failed: {KubernetesScalingEventStore.ServerMessage(e.Response?.Content) ?? e.Message}", e);
        }
    }
}
