using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Autoscaler.MetricsAdapter.Sources.Prometheus.Rules;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Autoscaler.MetricsAdapter.Sources.Prometheus;

/// <summary>
/// Reports queries that Prometheus refuses (a configuration fault, not an outage): logged once per rule at
/// error level, counted on every occurrence as <c>adapter_prometheus_rule_query_errors_total{rule,error_type}</c>
/// on <c>/metrics</c> (meter <see cref="MeterName"/>).
/// </summary>
internal sealed partial class RuleQueryErrors
{
    public const string MeterName = "Autoscaler.MetricsAdapter.Prometheus";

    private readonly ConcurrentDictionary<string, bool> _logged = new(StringComparer.Ordinal);
    private readonly ILogger _logger;
    private readonly Counter<long> _errors;

    public RuleQueryErrors(IMeterFactory? meters, ILogger? logger)
    {
        _logger = logger ?? NullLogger.Instance;
        var meter = meters?.Create(new MeterOptions(MeterName)) ?? new Meter(MeterName);
        _errors = meter.CreateCounter<long>(
            "adapter_prometheus_rule_query_errors_total",
            description: "Queries of a rule that Prometheus refused (bad_data, execution): a configuration fault, by rule and error type.");
    }

    /// <summary>Counts the failure and logs it the first time <paramref name="rule"/> fails.</summary>
    public void Report(MetricRule rule, string errorType, string message)
    {
        _errors.Add(1, new("rule", rule.Name), new("error_type", errorType));
        if (_logged.TryAdd(rule.Name, true))
        {
            LogInvalidQuery(rule.Location, message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Prometheus refuses the query of rule {Rule}; fix the rules file (logged once per rule, counted in adapter_prometheus_rule_query_errors_total): {Detail}")]
    private partial void LogInvalidQuery(string rule, string detail);
}
