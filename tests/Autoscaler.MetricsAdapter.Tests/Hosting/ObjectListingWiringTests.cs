using Autoscaler.MetricsAdapter.Hosting;
using Autoscaler.MetricsAdapter.Objects;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Autoscaler.MetricsAdapter.Tests.Hosting;

/// <summary>The informer-backed object lister is part of the host exactly when the host has a Kubernetes API.</summary>
public sealed class ObjectListingWiringTests
{
    [Fact]
    public async Task With_a_kubernetes_client_the_informer_lister_is_registered_and_runs_as_a_hosted_service()
    {
        await using var app = Build(withCluster: true, ("Objects:Resources", "pods,services"));

        var lister = Assert.IsType<InformerObjectLister>(app.Services.GetService<IObjectLister>());
        Assert.Contains(lister, app.Services.GetServices<IHostedService>());
        Assert.Equal(["pods", "services"], lister.Resources.Select(r => r.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Without_a_kubernetes_client_or_when_disabled_there_is_no_lister()
    {
        await using var noCluster = Build(withCluster: false);
        await using var disabled = Build(withCluster: true, ("Objects:Enabled", "false"));

        Assert.Null(noCluster.Services.GetService<IObjectLister>());
        Assert.Null(disabled.Services.GetService<IObjectLister>());
    }

    private static WebApplication Build(bool withCluster, params (string Key, string Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)).Append(new("Push:Enabled", "false")));
        if (withCluster)
        {
            // Never contacted: the host is built, not started.
            builder.Services.AddSingleton<IKubernetes>(new k8s.Kubernetes(new KubernetesClientConfiguration { Host = "https://127.0.0.1:1" }));
        }

        SourceComposition.AddSources(builder);
        return builder.Build();
    }
}
