using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Autoscaler.Kubernetes.Config;
using Autoscaler.Kubernetes.Errors;
using Autoscaler.Kubernetes.Http;
using Autoscaler.Kubernetes.Models;
using Autoscaler.Kubernetes.Resources;
using Autoscaler.Kubernetes.Serialization;

namespace Autoscaler.Kubernetes;

/// <summary>
/// A small typed Kubernetes REST client over HttpClient: typed resource clients, discovery, and the
/// resilience (rate limit, timeouts, retries honoring Retry-After) every call goes through.
/// </summary>
public sealed class KubernetesClient : IDisposable
{
    private static readonly KubernetesJsonContext Json = KubernetesJsonContext.Default;
    private readonly ApiConnection _connection;
    private ResourceClient<HorizontalPodAutoscaler>? _hpas;

    /// <summary>Creates a client.</summary>
    /// <param name="configuration">Server and credentials.</param>
    /// <param name="options">Resilience settings; null uses the defaults.</param>
    /// <param name="timeProvider">Clock for rate limits, retries and token re-reads; null uses the system clock.</param>
    public KubernetesClient(KubernetesClientConfiguration configuration, KubernetesClientOptions? options = null, TimeProvider? timeProvider = null)
        : this(configuration, options, timeProvider, HandlerFactory.Create(configuration))
    {
    }

    internal KubernetesClient(
        KubernetesClientConfiguration configuration, KubernetesClientOptions? options, TimeProvider? timeProvider, HttpMessageHandler handler)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        options ??= new KubernetesClientOptions();
        options.Validate();
        Configuration = configuration;
        _connection = new ApiConnection(configuration, options, timeProvider ?? TimeProvider.System, handler);
    }

    /// <summary>The configuration the client was built from.</summary>
    public KubernetesClientConfiguration Configuration { get; }

    /// <summary>The namespace of the kubeconfig context or of the pod; "default" when none is set.</summary>
    public string DefaultNamespace => Configuration.Namespace ?? "default";

    /// <summary>The clock the client and its helpers use.</summary>
    public TimeProvider TimeProvider => _connection.Time;

    /// <summary>core/v1 namespaces.</summary>
    public ResourceClient<Namespace> Namespaces => For(ApiResources.Namespaces, Json.Namespace, Json.KubernetesListNamespace);

    /// <summary>core/v1 pods (pods/status for readiness).</summary>
    public ResourceClient<Pod> Pods => For(ApiResources.Pods, Json.Pod, Json.KubernetesListPod);

    /// <summary>core/v1 services.</summary>
    public ResourceClient<Service> Services => For(ApiResources.Services, Json.Service, Json.KubernetesListService);

    /// <summary>core/v1 endpoints.</summary>
    public ResourceClient<Endpoints> Endpoints => For(ApiResources.Endpoints, Json.Endpoints, Json.KubernetesListEndpoints);

    /// <summary>core/v1 configmaps.</summary>
    public ResourceClient<ConfigMap> ConfigMaps => For(ApiResources.ConfigMaps, Json.ConfigMap, Json.KubernetesListConfigMap);

    /// <summary>apps/v1 deployments (with the scale subresource).</summary>
    public ResourceClient<Deployment> Deployments => For(ApiResources.Deployments, Json.Deployment, Json.KubernetesListDeployment);

    /// <summary>apps/v1 statefulsets (with the scale subresource).</summary>
    public ResourceClient<StatefulSet> StatefulSets => For(ApiResources.StatefulSets, Json.StatefulSet, Json.KubernetesListStatefulSet);

    /// <summary>coordination.k8s.io/v1 leases.</summary>
    public ResourceClient<Lease> Leases => For(ApiResources.Leases, Json.Lease, Json.KubernetesListLease);

    /// <summary>events.k8s.io/v1 events.</summary>
    public ResourceClient<Event> Events => For(ApiResources.Events, Json.Event, Json.KubernetesListEvent);

    /// <summary>apiextensions.k8s.io/v1 custom resource definitions.</summary>
    public ResourceClient<CustomResourceDefinition> CustomResourceDefinitions =>
        For(ApiResources.CustomResourceDefinitions, Json.CustomResourceDefinition, Json.KubernetesListCustomResourceDefinition);

    /// <summary>apiregistration.k8s.io/v1 API services.</summary>
    public ResourceClient<ApiService> ApiServices => For(ApiResources.ApiServices, Json.ApiService, Json.KubernetesListApiService);

    /// <summary>authentication.k8s.io/v1 token reviews: create one and read its status.</summary>
    public ResourceClient<TokenReview> TokenReviews => For(ApiResources.TokenReviews, Json.TokenReview, Json.KubernetesListTokenReview);

    /// <summary>authorization.k8s.io/v1 subject access reviews: create one and read its status.</summary>
    public ResourceClient<SubjectAccessReview> SubjectAccessReviews =>
        For(ApiResources.SubjectAccessReviews, Json.SubjectAccessReview, Json.KubernetesListSubjectAccessReview);

    /// <summary>Custom resources with spec and status kept as JSON.</summary>
    /// <param name="resource">The custom resource's group, version, plural and kind.</param>
    /// <returns>The resource client.</returns>
    public ResourceClient<CustomObject> CustomObjects(ApiResource resource) => For(resource, Json.CustomObject, Json.KubernetesListCustomObject);

    /// <summary>A resource client for your own model type, with your own source-generated type information.</summary>
    /// <typeparam name="T">The model type.</typeparam>
    /// <param name="resource">Where the resource lives.</param>
    /// <param name="item">Type information of the model.</param>
    /// <param name="list">Type information of its list.</param>
    /// <returns>The resource client.</returns>
    public ResourceClient<T> For<T>(ApiResource resource, JsonTypeInfo<T> item, JsonTypeInfo<KubernetesList<T>> list)
        where T : KubernetesObject => new(_connection, resource, item, list);

    /// <summary>
    /// HorizontalPodAutoscalers in the newest version the server serves: autoscaling/v2 (1.23+) or
    /// autoscaling/v2beta2 (1.20, the local test cluster). Discovered once, then cached.
    /// </summary>
    /// <param name="cancellationToken">Cancels the discovery call.</param>
    /// <returns>The resource client.</returns>
    /// <exception cref="NotSupportedException">The server serves neither version.</exception>
    public async Task<ResourceClient<HorizontalPodAutoscaler>> HorizontalPodAutoscalersAsync(CancellationToken cancellationToken = default)
    {
        if (_hpas is { } cached)
        {
            return cached;
        }

        var served = await GetServedVersionsAsync("autoscaling", cancellationToken).ConfigureAwait(false);
        var version = new[] { "v2", "v2beta2" }.FirstOrDefault(served.Contains)
            ?? throw new NotSupportedException($"the server serves autoscaling {string.Join(", ", served)}, neither v2 nor v2beta2");
        _hpas = For(ApiResources.HorizontalPodAutoscalers(version), Json.HorizontalPodAutoscaler, Json.KubernetesListHorizontalPodAutoscaler);
        return _hpas;
    }

    /// <summary>The versions the server serves for an API group (from /apis/&lt;group&gt;); empty when the group is unknown.</summary>
    /// <param name="group">API group, such as autoscaling.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Version names, such as v1, v2beta2.</returns>
    public async Task<IReadOnlyList<string>> GetServedVersionsAsync(string group, CancellationToken cancellationToken = default)
    {
        try
        {
            var document = await _connection.SendAsync(
                new ApiRequest(HttpMethod.Get, $"/apis/{Uri.EscapeDataString(group)}"), Json.JsonElement, cancellationToken).ConfigureAwait(false);
            return document.TryGetProperty("versions", out var versions)
                ? versions.EnumerateArray().Select(v => v.GetProperty("version").GetString() ?? "").Where(v => v.Length > 0).ToList()
                : [];
        }
        catch (KubernetesApiException e) when (e.IsNotFound)
        {
            return [];
        }
    }

    /// <summary>GETs any path as JSON (discovery documents, /readyz?verbose, metrics APIs through the aggregator).</summary>
    /// <param name="pathAndQuery">Absolute path with query, such as /apis/external.metrics.k8s.io/v1beta1.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The JSON body.</returns>
    public Task<JsonElement> GetJsonAsync(string pathAndQuery, CancellationToken cancellationToken = default) =>
        _connection.SendAsync(new ApiRequest(HttpMethod.Get, pathAndQuery), Json.JsonElement, cancellationToken);

    /// <summary>GETs any path as text (such as /readyz or /version).</summary>
    /// <param name="pathAndQuery">Absolute path with query.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body.</returns>
    public async Task<string> GetStringAsync(string pathAndQuery, CancellationToken cancellationToken = default)
    {
        using var response = await _connection.SendAsync(new ApiRequest(HttpMethod.Get, pathAndQuery), streaming: false, cancellationToken)
            .ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();
}
