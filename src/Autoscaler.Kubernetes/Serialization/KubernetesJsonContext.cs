using System.Text.Json;
using System.Text.Json.Serialization;
using Autoscaler.Kubernetes.Models;
using Autoscaler.Kubernetes.Watch;

namespace Autoscaler.Kubernetes.Serialization;

/// <summary>Source-generated serialization for every model the client ships.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(ApiStatus))]
[JsonSerializable(typeof(DeleteOptions))]
[JsonSerializable(typeof(RawWatchEvent))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(Namespace))]
[JsonSerializable(typeof(KubernetesList<Namespace>))]
[JsonSerializable(typeof(Pod))]
[JsonSerializable(typeof(KubernetesList<Pod>))]
[JsonSerializable(typeof(Service))]
[JsonSerializable(typeof(KubernetesList<Service>))]
[JsonSerializable(typeof(Endpoints))]
[JsonSerializable(typeof(KubernetesList<Endpoints>))]
[JsonSerializable(typeof(ConfigMap))]
[JsonSerializable(typeof(KubernetesList<ConfigMap>))]
[JsonSerializable(typeof(Deployment))]
[JsonSerializable(typeof(KubernetesList<Deployment>))]
[JsonSerializable(typeof(StatefulSet))]
[JsonSerializable(typeof(KubernetesList<StatefulSet>))]
[JsonSerializable(typeof(Scale))]
[JsonSerializable(typeof(KubernetesList<Scale>))]
[JsonSerializable(typeof(HorizontalPodAutoscaler))]
[JsonSerializable(typeof(KubernetesList<HorizontalPodAutoscaler>))]
[JsonSerializable(typeof(Lease))]
[JsonSerializable(typeof(KubernetesList<Lease>))]
[JsonSerializable(typeof(Event))]
[JsonSerializable(typeof(KubernetesList<Event>))]
[JsonSerializable(typeof(CustomResourceDefinition))]
[JsonSerializable(typeof(KubernetesList<CustomResourceDefinition>))]
[JsonSerializable(typeof(CustomObject))]
[JsonSerializable(typeof(KubernetesList<CustomObject>))]
[JsonSerializable(typeof(ApiService))]
[JsonSerializable(typeof(KubernetesList<ApiService>))]
[JsonSerializable(typeof(TokenReview))]
[JsonSerializable(typeof(KubernetesList<TokenReview>))]
[JsonSerializable(typeof(SubjectAccessReview))]
[JsonSerializable(typeof(KubernetesList<SubjectAccessReview>))]
internal sealed partial class KubernetesJsonContext : JsonSerializerContext
{
}
