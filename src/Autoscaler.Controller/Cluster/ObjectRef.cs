namespace Autoscaler.Controller.Cluster;

/// <summary>Identifies an object an Event is about (core/v1 ObjectReference essentials).</summary>
/// <param name="ApiVersion">group/version.</param>
/// <param name="Kind">Kind.</param>
/// <param name="Namespace">Namespace.</param>
/// <param name="Name">Name.</param>
/// <param name="Uid">metadata.uid, when known.</param>
public sealed record ObjectRef(string ApiVersion, string Kind, string Namespace, string Name, string? Uid);
