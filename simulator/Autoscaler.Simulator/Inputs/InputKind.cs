namespace Autoscaler.Simulator.Inputs;

/// <summary>What an input file holds, as <see cref="InputSniffer"/> recognised it from its content.</summary>
/// <param name="What">In words, with the article and the apiVersion when there is one: "a HorizontalPodAutoscaler (autoscaling/v2)".</param>
/// <param name="Option">The option that takes such a file (<c>--hpa</c>, <c>--trace</c>, ...), or null when no option does.</param>
/// <param name="Line">1-based line that shows the kind (the <c>kind:</c> line, the CSV header), or 0.</param>
internal sealed record InputKind(string What, string? Option, int Line);
