using System.Text.Json.Serialization;
using Autoscaler.MetricsAdapter.Discovery;
using Autoscaler.MetricsAdapter.Errors;

namespace Autoscaler.MetricsAdapter.Api;

/// <summary>Source-generated JSON for every body the adapter writes (no reflection on the hot path).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(StatusBody))]
[JsonSerializable(typeof(ApiGroupListBody))]
[JsonSerializable(typeof(ApiGroupBody))]
[JsonSerializable(typeof(ApiResourceListBody))]
[JsonSerializable(typeof(RootPathsBody))]
[JsonSerializable(typeof(VersionInfoBody))]
[JsonSerializable(typeof(ExternalMetricValueListBody))]
[JsonSerializable(typeof(MetricValueListBody<MetricValueV1Beta2Body>))]
[JsonSerializable(typeof(MetricValueListBody<MetricValueV1Beta1Body>))]
internal sealed partial class AdapterJsonContext : JsonSerializerContext
{
}
