namespace Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;

/// <summary>A rules file that cannot be used; the message lists every problem with its location.</summary>
internal sealed class RulesFileException(IReadOnlyList<string> errors)
    : Exception("Invalid Prometheus rules:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
