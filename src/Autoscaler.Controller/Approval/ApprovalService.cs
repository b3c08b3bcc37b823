using System.Text.Json.Nodes;
using Autoscaler.Controller.Cluster;
using Autoscaler.Kubernetes.Entities;
using k8s;
using k8s.Models;

namespace Autoscaler.Controller.Approval;

/// <summary>
/// Approval of a ScalingEvent or a PredictivePolicy recommendation. The caller's bearer token is authenticated with a
/// TokenReview and the user is authorized with a SubjectAccessReview for the custom verb <c>approve</c> on the resource
/// (so a user who may create events but lacks <c>approve</c> gets 403). The approval (who, when, which generation) is
/// merge-patched into the status subresource, which only the controller may write.
/// </summary>
public sealed class ApprovalService
{
    private readonly IKubernetes _client;
    private readonly IClusterWriter _writer;
    private readonly TimeProvider _time;

    /// <summary>Creates the service.</summary>
    public ApprovalService(IKubernetes client, IClusterWriter writer, TimeProvider time)
    {
        _client = client;
        _writer = writer;
        _time = time;
    }

    /// <summary>Authenticates, authorizes and records one approval.</summary>
    /// <param name="token">The caller's bearer token.</param>
    /// <param name="namespace">Namespace of the resource.</param>
    /// <param name="plural">scalingevents or predictivepolicies.</param>
    /// <param name="name">Resource name.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The HTTP status and a message.</returns>
    public async Task<(int Status, string Message)> ApproveAsync(string? token, string @namespace, string plural, string name, CancellationToken cancellationToken)
    {
        if (plural is not (AutoscalerApi.ScalingEventPlural or AutoscalerApi.PredictivePolicyPlural))
        {
            return (404, $"'{plural}' is not approvable: use scalingevents or predictivepolicies");
        }

        if (string.IsNullOrEmpty(token))
        {
            return (401, "send the approver's token as 'Authorization: Bearer <token>'");
        }

        var review = await _client.AuthenticationV1.CreateTokenReviewAsync(
            new V1TokenReview { Spec = new V1TokenReviewSpec { Token = token } }, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (review.Status?.Authenticated != true || review.Status.User?.Username is not { Length: > 0 } user)
        {
            return (401, "the token was not accepted by the apiserver (TokenReview): " + (review.Status?.Error ?? "not authenticated"));
        }

        var access = await _client.AuthorizationV1.CreateSubjectAccessReviewAsync(new V1SubjectAccessReview
        {
            Spec = new V1SubjectAccessReviewSpec
            {
                User = user,
                Groups = review.Status.User.Groups,
                Uid = review.Status.User.Uid,
                ResourceAttributes = new V1ResourceAttributes
                {
                    Group = AutoscalerApi.Group, Resource = plural, Verb = AutoscalerApi.ApproveVerb, NamespaceProperty = @namespace, Name = name,
                },
            },
        }, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (access.Status?.Allowed != true)
        {
            return (403, $"{user} may not '{AutoscalerApi.ApproveVerb}' {plural}.{AutoscalerApi.Group} '{name}' in {@namespace} (SubjectAccessReview){Why(access.Status)}");
        }

        var kind = plural == AutoscalerApi.ScalingEventPlural ? V1Alpha1ScalingEvent.KubeKind : V1Alpha1PredictivePolicy.KubeKind;
        var resource = plural == AutoscalerApi.ScalingEventPlural
            ? (await _client.CustomObjects.GetNamespacedCustomObjectAsync<V1Alpha1ScalingEvent>(
                AutoscalerApi.Group, AutoscalerApi.Version, @namespace, plural, name, cancellationToken).ConfigureAwait(false)).Metadata
            : (await _client.CustomObjects.GetNamespacedCustomObjectAsync<V1Alpha1PredictivePolicy>(
                AutoscalerApi.Group, AutoscalerApi.Version, @namespace, plural, name, cancellationToken).ConfigureAwait(false)).Metadata;
        var generation = resource.Generation ?? 1;
        var patch = new JsonObject
        {
            ["approvedBy"] = user,
            ["approvedAt"] = _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["approvedGeneration"] = generation,
        };
        await _writer.PatchStatusAsync(new ObjectRef(AutoscalerApi.ApiVersion, kind, @namespace, name, resource.Uid), patch, cancellationToken).ConfigureAwait(false);
        return (200, $"{kind} {@namespace}/{name} generation {generation} approved by {user}");
    }

    private static string Why(V1SubjectAccessReviewStatus? status) =>
        status?.Reason is { Length: > 0 } reason ? ": " + reason : "";
}
