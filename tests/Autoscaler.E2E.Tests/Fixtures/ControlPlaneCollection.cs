namespace Autoscaler.E2E.Tests.Fixtures;

/// <summary>The xunit collection every real-control-plane test class joins: <c>[Collection(ControlPlaneCollection.Name)]</c>.</summary>
[CollectionDefinition(Name)]
public sealed class ControlPlaneCollection : ICollectionFixture<ControlPlaneFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Control plane";
}
