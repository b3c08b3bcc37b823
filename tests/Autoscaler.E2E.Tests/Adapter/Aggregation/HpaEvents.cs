using System.Text.RegularExpressions;
using Autoscaler.E2E.Tests.Fixtures;

namespace Autoscaler.E2E.Tests.Adapter.Aggregation;

/// <summary>
/// The Events of the HPAs in a namespace as kubectl prints them (REASON MESSAGE, oldest first). The HPA controller posts
/// them asynchronously after it scales (through its event broadcaster), so a Deployment already at its new size does not
/// mean the Event is stored yet: tests wait for the Event they need, never read the list once.
/// </summary>
internal static class HpaEvents
{
    public static Task<string> ReadAsync(string kubeconfig, string ns) =>
        Kubectl.RunAsync(kubeconfig, string.Empty, "-n", ns, "get", "events", "--field-selector", "involvedObject.kind=HorizontalPodAutoscaler",
            "-o", "custom-columns=REASON:.reason,MESSAGE:.message", "--sort-by=.metadata.creationTimestamp");

    /// <summary>Polls (30 s at most) until an HPA Event matches <paramref name="pattern"/> (a regular expression); returns all of them then.</summary>
    /// <param name="what">What the Event is, for the timeout message (which also quotes the Events last seen).</param>
    public static Task<string> WaitForAsync(string kubeconfig, string ns, string pattern, string what) =>
        Eventually.Async($"{what} (an HPA Event matching '{pattern}')", async seen =>
        {
            var text = await ReadAsync(kubeconfig, ns);
            seen(text.Replace('\n', '|'));
            return Regex.IsMatch(text, pattern) ? text : null;
        }, TimeSpan.FromSeconds(30));
}
