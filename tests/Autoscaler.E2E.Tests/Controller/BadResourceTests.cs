using System.Net;
using Autoscaler.E2E.Tests.Fixtures;
using Autoscaler.Kubernetes.Entities;
using k8s;
using k8s.Autorest;
using Xunit.Abstractions;

namespace Autoscaler.E2E.Tests.Controller;

/// <summary>
/// Issue #11 test 5: the apiserver rejects what the CRD schemas can express (422 naming the field); what they cannot
/// becomes a Valid=False condition with a reason and a Warning Event, and the other resources keep working.
/// </summary>
[Collection(ControlPlaneCollection.Name)]
[Trait("Category", "Controller")]
public sealed class BadResourceTests(ControlPlaneFixture cp, ITestOutputHelper output)
{
    private readonly ControllerCluster _cluster = new(cp);

    public static TheoryData<string, string> SchemaRejections => new()
    {
        { """{"targets":{"hpaNames":["web"],"hpaSelector":{"matchLabels":{"a":"b"}}},"start":"2026-12-04T19:00:00Z","end":"2026-12-04T21:00:00Z","kind":"sale","expectedLoad":{"absoluteFloor":3}}""", "spec.targets" },
        { """{"targets":{"hpaNames":["web"]},"start":"tomorrow","end":"2026-12-04T21:00:00Z","kind":"sale","expectedLoad":{"absoluteFloor":3}}""", "spec.start" },
        { """{"targets":{"hpaNames":["web"]},"start":"2026-12-04T19:00:00Z","end":"2026-12-04T21:00:00Z","kind":"sale","expectedLoad":{"multiplier":1}}""", "spec.expectedLoad.multiplier" },
        { """{"targets":{"hpaNames":["web"]},"start":"2026-12-04T19:00:00Z","end":"2026-12-04T21:00:00Z","kind":"Big Sale","expectedLoad":{"absoluteFloor":3}}""", "spec.kind" },
        { """{"targets":{"hpaNames":["web"]},"start":"2026-12-04T19:00:00Z","end":"2026-12-04T21:00:00Z","kind":"sale","expectedLoad":{}}""", "spec.expectedLoad" },
        { """{"targets":{"hpaNames":["web"]},"start":"2026-12-04T19:00:00Z","end":"2026-12-04T21:00:00Z","kind":"sale","expectedLoad":{"absoluteFloor":0}}""", "spec.expectedLoad.absoluteFloor" },
        { """{"targets":{"hpaNames":["web"]},"start":"2026-12-04T19:00:00Z","kind":"sale","expectedLoad":{"absoluteFloor":3}}""", "spec.end" },
        { """{"targets":{"hpaNames":["web"]},"start":"2026-12-04T19:00:00Z","end":"2026-12-04T21:00:00Z","kind":"sale","expectedLoad":{"absoluteFloor":3},"leadTime":"soon"}""", "spec.leadTime" },
    };

    [Theory]
    [MemberData(nameof(SchemaRejections))]
    public async Task The_apiserver_rejects_what_the_scalingevent_schema_expresses(string spec, string field)
    {
        await _cluster.InstallAsync();
        var body = $$"""{"apiVersion":"{{AutoscalerApi.ApiVersion}}","kind":"ScalingEvent","metadata":{"name":"bad"},"spec":{{spec}} }""";
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => _cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(
            System.Text.Json.JsonDocument.Parse(body).RootElement, AutoscalerApi.Group, AutoscalerApi.Version, "default", AutoscalerApi.ScalingEventPlural));
        output.WriteLine(e.Response.Content);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, e.Response.StatusCode);
        Assert.Contains(field, e.Response.Content, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"targetRef":{"name":"web"},"history":{"adapterMetric":{"name":"rps"}},"mode":"yolo"}""", "spec.mode")]
    [InlineData("""{"targetRef":{"name":"web"},"history":{"adapterMetric":{"name":"rps"}},"mode":"auto","quantile":0.99}""", "spec.quantile")]
    [InlineData("""{"targetRef":{"name":"web"},"history":{"adapterMetric":{"name":"rps"},"prometheus":{"query":"up"}},"mode":"auto"}""", "spec.history")]
    [InlineData("""{"targetRef":{"name":"web"},"history":{"adapterMetric":{"name":"rps"}},"mode":"auto","forecaster":"magic"}""", "spec.forecaster")]
    public async Task The_apiserver_rejects_what_the_predictivepolicy_schema_expresses(string spec, string field)
    {
        await _cluster.InstallAsync();
        var body = $$"""{"apiVersion":"{{AutoscalerApi.ApiVersion}}","kind":"PredictivePolicy","metadata":{"name":"bad"},"spec":{{spec}} }""";
        var e = await Assert.ThrowsAsync<HttpOperationException>(() => _cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(
            System.Text.Json.JsonDocument.Parse(body).RootElement, AutoscalerApi.Group, AutoscalerApi.Version, "default", AutoscalerApi.PredictivePolicyPlural));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, e.Response.StatusCode);
        Assert.Contains(field, e.Response.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_the_schema_cannot_check_becomes_a_condition_and_an_event_and_the_valid_event_still_acts()
    {
        await _cluster.InstallAsync();
        var ns = await _cluster.NamespaceAsync("ctl-bad");
        await _cluster.WorkloadAsync(ns, "web", minReplicas: 1);
        var (app, _) = await _cluster.StartControllerAsync(ns, TimeSpan.FromSeconds(3));
        await using var __ = app;

        var soon = DateTimeOffset.UtcNow.AddSeconds(5).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var later = DateTimeOffset.UtcNow.AddMinutes(10).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var cases = new (string Name, string Spec, string Reason)[]
        {
            ("unknown-hpa", $$"""{"targets":{"hpaNames":["wbe"]},"start":"{{soon}}","end":"{{later}}","kind":"sale","expectedLoad":{"absoluteFloor":3} }""", "UnknownHpa"),
            ("unknown-zone", """{"targets":{"hpaNames":["web"]},"start":"2027-01-08T19:00:00","end":"2027-01-08T21:00:00","timeZone":"Europe/Atlantis","kind":"sale","expectedLoad":{"absoluteFloor":3}}""", "UnknownTimeZone"),
            ("end-before-start", """{"targets":{"hpaNames":["web"]},"start":"2027-01-08T21:00:00Z","end":"2027-01-08T19:00:00Z","kind":"sale","expectedLoad":{"absoluteFloor":3}}""", "EndNotAfterStart"),
            ("dst-gap", """{"targets":{"hpaNames":["web"]},"start":"2027-03-28T02:30:00","end":"2027-03-28T04:00:00","timeZone":"Europe/Paris","kind":"sale","expectedLoad":{"absoluteFloor":3}}""", "LocalTimeInDstGap"),
            ("good", $$"""{"targets":{"hpaSelector":{"matchLabels":{"tier":"front"} } },"start":"{{soon}}","end":"{{later}}","kind":"sale","expectedLoad":{"absoluteFloor":3},"leadTime":"10s" }""", ""),
        };
        foreach (var (name, spec, _) in cases)
        {
            var body = $$"""{"apiVersion":"{{AutoscalerApi.ApiVersion}}","kind":"ScalingEvent","metadata":{"name":"{{name}}","namespace":"{{ns}}"},"spec":{{spec}} }""";
            await _cluster.Client.CustomObjects.CreateNamespacedCustomObjectAsync(System.Text.Json.JsonDocument.Parse(body).RootElement,
                AutoscalerApi.Group, AutoscalerApi.Version, ns, AutoscalerApi.ScalingEventPlural);
        }

        // Approval is irrelevant to validity; approve the good one through the status subresource as an admin would via the endpoint.
        await _cluster.Kubectl("-n", ns, "patch", "scalingevent", "good", "--type=merge", "--subresource=status",
            "-p", """{"status":{"approvedBy":"admin","approvedAt":"2026-11-30T00:00:00Z","approvedGeneration":1}}""");

        foreach (var (name, _, reason) in cases.Where(c => c.Reason.Length > 0))
        {
            var rejected = await Eventually.Async($"{name} Rejected with Valid=False/{reason}", async seen =>
            {
                var e = await _cluster.EventAsync(ns, name);
                var valid = e.Status?.Conditions?.FirstOrDefault(c => c.Type == "Valid");
                seen($"phase {e.Status?.Phase}, Valid {valid?.Status}/{valid?.Reason}");
                return e.Status?.Phase == ScalingEventPhases.Rejected && valid?.Status == "False" && valid.Reason == reason ? valid?.Message ?? "" : null;
            }, TimeSpan.FromSeconds(30), Eventually.ApiOrHttpError);
            output.WriteLine($"{name}: {rejected}");
            // The controller posts the Warning Event after it patches the status (StatusPublisher): wait for it, never race it.
            await Eventually.TrueAsync($"the Warning {reason} Event on {name}", async seen =>
            {
                var events = await _cluster.EventsOfAsync(ns, "ScalingEvent", name);
                seen(events.Replace('\n', '|'));
                return events.Contains($"Warning {reason}:", StringComparison.Ordinal);
            }, TimeSpan.FromSeconds(30), Eventually.ApiOrHttpError);
        }

        await Eventually.TrueAsync("the valid event's floor of 3 on the selected HPA", async seen =>
        {
            var hpa = await _cluster.HpaAsync(ns, "web");
            seen($"minReplicas {hpa.Spec.MinReplicas}");
            return hpa.Spec.MinReplicas == 3;
        }, TimeSpan.FromSeconds(30), Eventually.ApiOrHttpError);
    }
}
