using System.Text.Json.Serialization;

namespace Autoscaler.MetricsAdapter.Auth;

/// <summary>Source-generated JSON for the ConfigMap's string-array values.</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class TrustJsonContext : JsonSerializerContext
{
}
