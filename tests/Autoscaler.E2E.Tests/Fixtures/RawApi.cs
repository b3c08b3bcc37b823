using System.Net.Http.Headers;
using System.Text.Json;
using k8s;
using k8s.Autorest;

namespace Autoscaler.E2E.Tests.Fixtures;

/// <summary>
/// GETs of paths KubernetesClient has no typed call for (/readyz, discovery documents, the metrics APIs the
/// adapter serves through the aggregator), through the client's own HttpClient and credentials. A non-success
/// answer throws the library's <see cref="HttpOperationException"/>, as a typed call would.
/// </summary>
public static class RawApi
{
    /// <summary>GETs a path as text.</summary>
    /// <param name="client">A KubernetesClient built by <see cref="ControlPlaneFixture.CreateClient"/>.</param>
    /// <param name="pathAndQuery">Absolute path with query, such as /apis/external.metrics.k8s.io/v1beta1.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The body.</returns>
    /// <exception cref="HttpOperationException">The server answered with a non-success status.</exception>
    public static async Task<string> GetStringAsync(this IKubernetes client, string pathAndQuery, CancellationToken cancellationToken = default)
    {
        var k = client as k8s.Kubernetes ?? throw new ArgumentException("needs a k8s.Kubernetes", nameof(client));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(k.BaseUri, pathAndQuery));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (k.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken);
        }

        using var response = await k.HttpClient.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpOperationException($"GET {pathAndQuery}: {(int)response.StatusCode} {response.StatusCode}: {body}")
            {
                Request = new HttpRequestMessageWrapper(request, null),
                Response = new HttpResponseMessageWrapper(response, body),
            };
        }

        return body;
    }

    /// <summary>GETs a path as JSON.</summary>
    /// <param name="client">A KubernetesClient built by <see cref="ControlPlaneFixture.CreateClient"/>.</param>
    /// <param name="pathAndQuery">Absolute path with query.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The JSON body.</returns>
    /// <exception cref="HttpOperationException">The server answered with a non-success status.</exception>
    public static async Task<JsonElement> GetJsonAsync(this IKubernetes client, string pathAndQuery, CancellationToken cancellationToken = default) =>
        JsonDocument.Parse(await client.GetStringAsync(pathAndQuery, cancellationToken)).RootElement.Clone();
}
