using System.Text.Encodings.Web;
using System.Text.Json;

namespace Autoscaler.MetricsAdapter.Api;

/// <summary>The shared JSON context: source-generated, with Go-like escaping (quotes as <c>\"</c>, not <c>\u0022</c>).</summary>
internal static class AdapterJson
{
    public static AdapterJsonContext Context { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    });
}
