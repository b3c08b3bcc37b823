using Autoscaler.Controller.Actuation;
using Autoscaler.Controller.Cluster;
using Autoscaler.Controller.History;
using Autoscaler.Controller.Hosting;
using Autoscaler.Controller.Telemetry;
using Autoscaler.Core.Control;
using Autoscaler.Core.Planning;
using Autoscaler.Kubernetes.Entities;
using Autoscaler.Kubernetes.Entities.Mapping;
using k8s;
using k8s.Autorest;
using Microsoft.Extensions.Logging;

namespace Autoscaler.Controller.Reconciling;

/// <summary>
/// One reconcile pass over the informer caches: resolve every ScalingEvent and PredictivePolicy, group what asks for a
/// floor by HPA, run each HPA's Core <c>PreScaleStep</c> (the planner decides; this class only wires), release floors
/// nobody asks for any more, then write statuses and Events where they changed. A failure on one HPA or resource is
/// reported and the others go on. Not thread-safe: the control loop runs one pass at a time.
/// </summary>
public sealed partial class ControllerReconciler
{
    private readonly IClusterView _view;
    private readonly IClusterWriter _writer;
    private readonly ControllerOptions _options;
    private readonly TimeProvider _time;
    private readonly ControllerMetrics _metrics;
    private readonly ILogger _logger;
    private readonly StatusPublisher _publisher;
    private readonly HistorySources _histories;
    private readonly Dictionary<string, TargetRunner> _acting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TargetRunner> _observing = new(StringComparer.Ordinal);
    private RefitGrants _grants = RefitGrants.None;

    /// <summary>Creates the reconciler.</summary>
    public ControllerReconciler(
        IClusterView view, IClusterWriter writer, ControllerOptions options, TimeProvider time, ControllerMetrics metrics, ILogger<ControllerReconciler> logger, HistorySources? histories = null)
    {
        _histories = histories ?? HistorySources.None;
        _view = view;
        _writer = writer;
        _options = options;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _publisher = new StatusPublisher(writer, metrics, logger, time);
    }

    /// <summary>Runs one pass. Returns false when the caches are not synced yet (nothing was done).</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    public async Task<bool> ReconcileAsync(CancellationToken cancellationToken)
    {
        if (!_view.IsSynced)
        {
            return false;
        }

        var started = _time.GetTimestamp();
        var now = _time.GetUtcNow();
        var hpas = _view.Hpas();
        var byNamespace = hpas.GroupBy(h => h.Namespace).ToDictionary(g => g.Key, g => (IReadOnlyList<HpaView>)[.. g], StringComparer.Ordinal);
        IReadOnlyList<HpaView> In(string? ns) => byNamespace.GetValueOrDefault(ns ?? "") ?? [];

        var events = _view.ScalingEvents().Select(e => EventResolver.Resolve(e, In(e.Metadata.NamespaceProperty))).ToList();
        var policies = Deduplicate(_view.Policies().Select(p => PolicyResolver.Resolve(p, In(p.Metadata.NamespaceProperty))).ToList());
        var work = Group(events, policies);
        var newTargets = work.Values.Count(w => w.Policy is not null && !_acting.ContainsKey(w.Hpa.Key) && !_observing.ContainsKey(w.Hpa.Key));
        _grants = RefitGrants.For(_acting, _observing, newTargets, now, _options.SyncPeriod);

        var outcomes = new Dictionary<string, TargetOutcome>(StringComparer.Ordinal);
        foreach (var target in work.Values)
        {
            outcomes[target.Hpa.Key] = await RunTargetAsync(target, now, cancellationToken).ConfigureAwait(false);
        }

        // Due fits the share left for a later pass; a step backing off after a failed read is not waiting for the share.
        _metrics.RefitsWaiting.Set(_acting.Values.Concat(_observing.Values).Count(r => r.Step.FitDue(now)));

        foreach (var hpa in hpas.Where(h => !work.ContainsKey(h.Key) && FloorAnnotations.Held(h)))
        {
            outcomes[hpa.Key] = await ReleaseAsync(hpa, cancellationToken).ConfigureAwait(false);
        }

        foreach (var key in _acting.Keys.Where(k => !work.ContainsKey(k)).ToList())
        {
            _acting.Remove(key);
            _observing.Remove(key);
        }

        foreach (var e in events)
        {
            await _publisher.PublishAsync(e, EventStatuses.Build(e, outcomes, now, _options.DecisionsKept), cancellationToken).ConfigureAwait(false);
        }

        foreach (var p in policies)
        {
            var outcome = p.Hpa is null ? null : outcomes.GetValueOrDefault(p.Hpa.Key);
            await _publisher.PublishAsync(p, PolicyStatuses.Build(p, p.Problems.Count == 0 ? outcome : null, now, _options.DecisionsKept), cancellationToken).ConfigureAwait(false);
        }

        foreach (var outcome in outcomes.Values)
        {
            await _publisher.ReportActuationAsync(outcome, cancellationToken).ConfigureAwait(false);
        }

        _metrics.Invalid.Set(events.Count(e => e.Problems.Count > 0) + policies.Count(p => p.Problems.Count > 0));
        _metrics.ReconcileSeconds.Observe(_time.GetElapsedTime(started).TotalSeconds);
        return true;
    }

    /// <summary>The acting runner of a target (tests inspect its step).</summary>
    /// <param name="key">namespace/name of the HPA.</param>
    internal TargetRunner? ActingRunner(string key) => _acting.GetValueOrDefault(key);

    /// <summary>The observing runner of a target (tests inspect it).</summary>
    /// <param name="key">namespace/name of the HPA.</param>
    internal TargetRunner? ObservingRunner(string key) => _observing.GetValueOrDefault(key);

    private static List<ResolvedPolicy> Deduplicate(List<ResolvedPolicy> policies)
    {
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new List<ResolvedPolicy>();
        foreach (var p in policies.OrderBy(p => p.Resource.Metadata.CreationTimestamp).ThenBy(p => p.Resource.Metadata.Name, StringComparer.Ordinal))
        {
            if (p.Problems.Count == 0 && !first.TryAdd(p.TargetKey, p.Resource.Metadata.Name))
            {
                result.Add(p with
                {
                    Problems = [new InputProblem("DuplicatePolicy", "spec.targetRef.name",
                        $"PredictivePolicy '{first[p.TargetKey]}' already targets HPA '{p.Resource.Spec.TargetRef.Name}' and is older, so it runs and this one does not; delete this one or point it at another HPA")],
                });
                continue;
            }

            result.Add(p);
        }

        return result;
    }

    private static Dictionary<string, TargetWork> Group(List<ResolvedEvent> events, List<ResolvedPolicy> policies)
    {
        var work = new Dictionary<string, TargetWork>(StringComparer.Ordinal);
        foreach (var e in events.Where(e => e.Plannable))
        {
            foreach (var hpa in e.Targets)
            {
                var existing = work.GetValueOrDefault(hpa.Key);
                work[hpa.Key] = existing is null ? new TargetWork(hpa, [e], null) : existing with { Events = [.. existing.Events, e] };
            }
        }

        foreach (var p in policies.Where(p => p.Problems.Count == 0 && p.Hpa is not null))
        {
            var existing = work.GetValueOrDefault(p.Hpa!.Key);
            work[p.Hpa.Key] = existing is null ? new TargetWork(p.Hpa, [], p) : existing with { Policy = p };
        }

        return work;
    }

    private async Task<TargetOutcome> RunTargetAsync(TargetWork work, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (leadTime, leadSource) = LeadTimes.For(work.Hpa, work.Events, _view, _options);
        try
        {
            // The policy acts itself in auto. While the trust gate withholds its forecast, its one step runs Core's split
            // (the simulator's call): events act without the forecast, the forecast's plan is the recommendation. In observe
            // and recommend, events act alone and the policy's own step only observes.
            var withheld = work.Policy is { ForecastWithheld: true };
            var policyActs = work.Policy is { Mode: PlanningMode.Auto } || withheld;
            var acting = policyActs || work.Events.Count > 0
                ? await RunAsync(_acting, work, leadTime, PlanningMode.Auto, policyActs, new StepRun(WithholdForecastFloors: withheld), now, cancellationToken).ConfigureAwait(false)
                : null;
            var observing = withheld
                ? _acting[work.Hpa.Key].Step.Recommendation
                : work.Policy is { } policy && !policyActs
                    ? await RunAsync(_observing, work, leadTime, policy.Mode, withForecast: true, StepRun.Default, now, cancellationToken).ConfigureAwait(false)
                    : null;
            if (acting is null)
            {
                _acting.Remove(work.Hpa.Key);
            }

            if (observing is null || withheld)
            {
                // Withheld, the recommendation comes from the acting step: an observing step left from an earlier mode goes.
                _observing.Remove(work.Hpa.Key);
            }

            var actuator = acting is null ? null : _acting[work.Hpa.Key].Actuator;
            if (actuator is null && FloorAnnotations.Held(work.Hpa))
            {
                return (await ReleaseAsync(work.Hpa, cancellationToken).ConfigureAwait(false)) with { Observing = observing, LeadTime = leadTime, LeadTimeSource = leadSource };
            }

            var outcome = new TargetOutcome
            {
                Hpa = work.Hpa,
                Acting = acting,
                Observing = observing,
                ForecastWithheld = withheld,
                Actuation = actuator?.Result ?? ActuationResult.Unchanged,
                Conflict = actuator?.ConflictMessage,
                HeldFloor = actuator?.HeldFloor,
                OriginalMinReplicas = FloorAnnotations.OriginalMinReplicas(work.Hpa),
                LeadTime = leadTime,
                LeadTimeSource = leadSource,
                HistoryNote = _histories.For(work.Policy).Missing,
                Accuracy = (policyActs ? _acting : _observing).GetValueOrDefault(work.Hpa.Key)?.Step.Accuracy,
                ForecastPending = work.Policy is not null && (policyActs ? _acting : _observing).GetValueOrDefault(work.Hpa.Key)?.Step.FitPending == true,
                HistoryFailure = work.Policy is null ? null : (policyActs ? _acting : _observing).GetValueOrDefault(work.Hpa.Key)?.Step.HistoryFailure,
            };
            Observe(outcome);
            return outcome;
        }
        catch (Exception e) when (e is HttpOperationException or HttpRequestException or KubernetesException or ArgumentException or InvalidOperationException)
        {
            LogTargetFailed(_logger, work.Hpa.Key, e.Message);
            _acting.Remove(work.Hpa.Key);
            return new TargetOutcome
            {
                Hpa = work.Hpa, LeadTime = leadTime, LeadTimeSource = leadSource, Failure = e.Message,
                HeldFloor = FloorAnnotations.AppliedFloor(work.Hpa), OriginalMinReplicas = FloorAnnotations.OriginalMinReplicas(work.Hpa),
            };
        }
    }

    private async Task<PlanResult> RunAsync(
        Dictionary<string, TargetRunner> runners, TargetWork work, LeadTime leadTime, PlanningMode mode, bool withForecast, StepRun run, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (policy, fingerprint) = StepPolicies.Build(work, leadTime, mode, withForecast, now);
        if (work.Events.Count > 0)
        {
            policy = policy with { PlanHorizon = StepPolicies.CalendarReach };
        }

        var key = work.Hpa.Key;
        var built = false;
        if (!runners.TryGetValue(key, out var runner) || runner.Fingerprint != fingerprint)
        {
            built = true;
            var slot = runner?.Slot ?? new TargetSlot(work.Hpa);
            var history = withForecast ? _histories.For(work.Policy).Source : NoHistory.Instance;
            runner = new TargetRunner(slot, policy, fingerprint, history, _writer, _options.ForceConflicts, _time);
            runners[key] = runner;
        }

        runner.Slot.Hpa = work.Hpa;
        runner.Slot.Owners = work.Owners;
        // Core's budget for every fit, first fits included (a cold start spreads them over passes; events need none).
        var defer = runner.Step.FitDue(now) && !_grants.Allows((runners == _acting ? RefitGrants.Acting : RefitGrants.Observing) + key, built);
        var result = await runner.RunAsync(run with { DeferFit = defer }, cancellationToken).ConfigureAwait(false);
        _metrics.Decisions.WithLabels(result.Record.Mode.ToString(), result.Record.Reason.ToString()).Inc();
        LogDecision(_logger, key, result.Record.Mode.ToString(), result.Record.Floor, result.Record.Reason.ToString(), result.Record.Action, result.Record.Detail,
            result.Record.LeadTime.TotalSeconds, result.Record.LeadTimeSource, result.Record.Event);
        return result;
    }

    private async Task<TargetOutcome> ReleaseAsync(HpaView hpa, CancellationToken cancellationToken)
    {
        var actuator = new MinReplicasActuator(new TargetSlot(hpa), _writer, _options.ForceConflicts);
        var original = FloorAnnotations.OriginalMinReplicas(hpa);
        var result = await actuator.RestoreAsync(original, cancellationToken).ConfigureAwait(false);
        return new TargetOutcome
        {
            Hpa = hpa, Actuation = result, Conflict = actuator.ConflictMessage, OriginalMinReplicas = original,
            LeadTime = LeadTime.Explicit(TimeSpan.Zero), LeadTimeSource = "None",
        };
    }

    private void Observe(TargetOutcome outcome)
    {
        var labels = new[] { outcome.Hpa.Namespace, outcome.Hpa.Name };
        _metrics.Floor.WithLabels(labels).Set(outcome.HeldFloor ?? 0);
        _metrics.Recommended.WithLabels(labels).Set((outcome.ForecastWithheld ? outcome.Observing : outcome.Acting ?? outcome.Observing)?.Floor ?? 0);
        _metrics.LeadTime.WithLabels(labels).Set(outcome.LeadTime.Value.TotalSeconds);
        _metrics.ForecastP50.WithLabels(labels).Set((outcome.Acting ?? outcome.Observing)?.Record.Normal ?? double.NaN);
    }

    [LoggerMessage(Level = LogLevel.Information, EventName = "Decision",
        Message = "decision for {Hpa}: mode {Mode}, floor {Floor}, reason {Reason}: {Action}; {Detail}; lead {LeadSeconds} s ({LeadSource}); event {Event}")]
    private static partial void LogDecision(ILogger logger, string hpa, string mode, int? floor, string reason, string action, string detail, double leadSeconds, string leadSource, string? @event);

    [LoggerMessage(Level = LogLevel.Warning, Message = "reconcile of HPA {Hpa} failed: {Error}; the other targets go on")]
    private static partial void LogTargetFailed(ILogger logger, string hpa, string error);
}
