using System.Reflection;

namespace Autoscaler.Core.Tests;

/// <summary>The decision core stays pure: no Kubernetes, ASP.NET, gRPC, SQLite or HTTP references.</summary>
public sealed class CorePurityTests
{
    [Fact]
    public void CoreReferencesNoHostAssemblies()
    {
        var core = typeof(Autoscaler.Core.CoreAssembly).Assembly;
        var forbidden = new[] { "Microsoft.AspNetCore", "Autoscaler.Kubernetes", "KubernetesClient", "Grpc", "Google.Protobuf", "Microsoft.Data.Sqlite", "System.Net.Http" };
        var bad = core.GetReferencedAssemblies()
            .Select(a => a.Name ?? string.Empty)
            .Where(n => forbidden.Any(f => n.StartsWith(f, StringComparison.Ordinal)))
            .ToList();
        Assert.Empty(bad);
    }
}
