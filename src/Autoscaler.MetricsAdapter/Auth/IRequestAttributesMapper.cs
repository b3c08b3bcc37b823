namespace Autoscaler.MetricsAdapter.Auth;

/// <summary>
/// Lets a source authorize its own HTTP paths as a Kubernetes resource (for example the push history endpoint as
/// <c>get pushedmetrics</c> in a namespace) instead of the RequestInfo rules of <see cref="RequestAttributes.From"/>.
/// The <see cref="AuthMiddleware"/> asks every registered mapper, first answer wins.
/// </summary>
internal interface IRequestAttributesMapper
{
    /// <summary>The attributes to review for this request, or null when the path is not the mapper's.</summary>
    RequestAttributes? Map(string method, string path);
}
