using Autoscaler.Core.Labels;
using Autoscaler.Core.Quantities;
using Autoscaler.MetricsAdapter.Tests.TestSupport;

namespace Autoscaler.MetricsAdapter.Tests.Fuzz;

/// <summary>
/// Hostile label selectors and metric paths (issue #15), seeded: the parser either parses or throws
/// <see cref="LabelSelectorException"/>; through the whole HTTP pipeline every answer is 200, 400 or 404 with a
/// Status body, never a 500.
/// </summary>
public sealed class SelectorFuzzTests
{
    private const int Cases = 1_000;

    [Fact]
    public void The_selector_parser_parses_or_refuses_with_its_own_exception()
    {
        var input = new HostileInput(0x15_0003);
        var parsed = 0;
        for (var i = 0; i < Cases * 5; i++)
        {
            var text = input.Text();
            try
            {
                var selector = LabelSelector.Parse(text);
                parsed++;
                Assert.Equal(selector.ToString(), LabelSelector.Parse(selector.ToString()).ToString());
            }
            catch (LabelSelectorException e)
            {
                Assert.False(string.IsNullOrEmpty(e.Message));
            }
        }

        Assert.InRange(parsed, 1, Cases * 5);
    }

    [Fact]
    public async Task Hostile_selectors_and_metric_names_over_http_are_never_a_500()
    {
        await using var host = await AdapterTestHost.StartAsync();
        host.Source.SetExternal("queue_length", new Dictionary<string, string> { ["queue"] = "orders" }, Quantity.FromDouble(3), host.Clock.GetUtcNow());
        var input = new HostileInput(0x15_0004);
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < Cases; i++)
        {
            // %00 in the path is refused by Kestrel itself (400) before the adapter sees it; TestServer's path decoder
            // throws on it instead, so NUL stays in the query only here.
            var metric = input.Next(2) == 0 ? "queue_length" : Uri.EscapeDataString(input.Text(2).Replace("\0", string.Empty, StringComparison.Ordinal));
            var selector = Uri.EscapeDataString(input.Text());
            var path = $"/apis/external.metrics.k8s.io/v1beta1/namespaces/default/{metric}?labelSelector={selector}";

            var response = await host.AsAdminAsync(path);

            Assert.True(response.Status is 200 or 400 or 404, $"case {i}: {path} answered {response.Status}: {response.Body}");
            statuses[response.Status] = statuses.GetValueOrDefault(response.Status) + 1;
        }

        Assert.True(statuses.Count >= 2, "answers seen: " + string.Join(", ", statuses.Select(kv => $"{kv.Key}x{kv.Value}")));
    }
}
