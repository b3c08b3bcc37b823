using Autoscaler.Kubernetes.Entities;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Controller.Reconciling;

/// <summary>
/// Keeps the log quiet while a policy's history source stays unreachable: one Warning when the outage starts (the
/// policy's HistoryAvailable condition turns QueryFailed), one Information when it ends, and in between at most one
/// reminder every <see cref="ReminderEvery"/>. The transitions are read from the stored status (so a restart or a new
/// leader does not announce an outage again); the condition itself stays current at every read. Not thread-safe: the
/// control loop runs one pass at a time.
/// </summary>
public sealed partial class HistoryOutages
{
    /// <summary>The HistoryAvailable reason of a failed read.</summary>
    public const string Failed = "QueryFailed";

    /// <summary>How often a lasting outage is logged again (10 min).</summary>
    public static readonly TimeSpan ReminderEvery = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, DateTimeOffset> _lastLogged = new(StringComparer.Ordinal);
    private readonly ILogger _logger;

    /// <summary>Creates the tracker.</summary>
    /// <param name="logger">Where the transitions and reminders go.</param>
    public HistoryOutages(ILogger logger) => _logger = logger;

    /// <summary>What changed for a policy between its stored and its new HistoryAvailable condition.</summary>
    public enum Change
    {
        /// <summary>No transition (still fine, or still failing).</summary>
        None,

        /// <summary>The source became unreachable.</summary>
        Started,

        /// <summary>The source answers again.</summary>
        Recovered,
    }

    /// <summary>Logs a transition or a due reminder and returns the transition (the caller posts its Kubernetes Event).</summary>
    /// <param name="policy">namespace/name of the policy.</param>
    /// <param name="stored">The stored HistoryAvailable condition, or null.</param>
    /// <param name="current">The new one, or null.</param>
    /// <param name="now">Now (UTC).</param>
    public Change Observe(string policy, ResourceCondition? stored, ResourceCondition? current, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var was = stored?.Reason == Failed;
        var failing = current?.Reason == Failed;
        if (failing && !was)
        {
            _lastLogged[policy] = now;
            LogStarted(_logger, policy, current!.Message ?? "");
            return Change.Started;
        }

        if (failing)
        {
            if (!_lastLogged.TryGetValue(policy, out var last) || now - last >= ReminderEvery)
            {
                _lastLogged[policy] = now;
                LogStill(_logger, policy, current!.Message ?? "");
            }

            return Change.None;
        }

        _lastLogged.Remove(policy);
        if (was && current is { Status: not "Unknown" })
        {
            LogRecovered(_logger, policy, current.Reason ?? "", current.Message ?? "");
            return Change.Recovered;
        }

        return Change.None;
    }

    [LoggerMessage(Level = LogLevel.Warning, EventName = "HistoryUnavailable",
        Message = "history of PredictivePolicy {Policy} cannot be read: {Detail}; the policy keeps its last forecast (none before its first fit) and is read again with a growing wait; logged again every 10 minutes while it lasts")]
    private static partial void LogStarted(ILogger logger, string policy, string detail);

    [LoggerMessage(Level = LogLevel.Warning, EventName = "HistoryStillUnavailable", Message = "history of PredictivePolicy {Policy} still cannot be read: {Detail}")]
    private static partial void LogStill(ILogger logger, string policy, string detail);

    [LoggerMessage(Level = LogLevel.Information, EventName = "HistoryRecovered", Message = "history of PredictivePolicy {Policy} is readable again ({Reason}: {Detail})")]
    private static partial void LogRecovered(ILogger logger, string policy, string reason, string detail);
}
