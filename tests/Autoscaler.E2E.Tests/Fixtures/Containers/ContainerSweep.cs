using Docker.DotNet.Models;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;

namespace Autoscaler.E2E.Tests.Fixtures.Containers;

/// <summary>
/// Removes control-plane containers an earlier run left behind (a killed test host never disposes; the resource
/// reaper is off because its image cannot be pulled here). Only containers carrying both Testcontainers' label
/// and ours are touched, so other Testcontainers users of the same engine keep theirs.
/// </summary>
internal static class ContainerSweep
{
    /// <summary>Testcontainers' own label on everything it creates.</summary>
    public const string TestcontainersLabel = "org.testcontainers";

    /// <summary>Our label on every control-plane container and image.</summary>
    public const string Label = "org.autoscaler.e2e";

    /// <summary>Value of <see cref="Label"/>.</summary>
    public const string LabelValue = "control-plane";

    /// <summary>Force-removes every container labelled <c>org.testcontainers=true</c> and <c>org.autoscaler.e2e=control-plane</c>.</summary>
    /// <returns>The names of the removed containers.</returns>
    public static async Task<IReadOnlyList<string>> RunAsync()
    {
        using var docker = TestcontainersSettings.OS.DockerEndpointAuthConfig.GetDockerClientBuilder(ResourceReaper.DefaultSessionId).Build();
        var leftovers = await docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"{TestcontainersLabel}=true"] = true, [$"{Label}={LabelValue}"] = true },
            },
        });
        foreach (var container in leftovers)
        {
            await docker.Containers.RemoveContainerAsync(container.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true });
        }

        return [.. leftovers.Select(c => string.Join(",", c.Names))];
    }
}
