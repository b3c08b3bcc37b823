using Autoscaler.Core.Decisions;
using Autoscaler.Core.Forecasting;
using Autoscaler.Core.Forecasting.Accuracy;
using Autoscaler.Core.Forecasting.Events;
using Autoscaler.Core.Planning;

namespace Autoscaler.Core.Control;

/// <summary>
/// THE pre-scale unit both hosts run: read <c>now</c> from the <see cref="TimeProvider"/>, read the workload,
/// refit the forecast from history strictly before now when <see cref="PreScalePolicy.RefitEvery"/> has passed,
/// plan with <see cref="PreScalePlanner.Plan"/>, hand the floor to the actuator (Auto mode only) and write the
/// decision record. The live controller calls it from its one timer; the simulator calls it on its virtual
/// clock. Not thread-safe: one step at a time per workload.
/// </summary>
public sealed class PreScaleStep
{
    private readonly PreScalePolicy _policy;
    private readonly IHistorySource _history;
    private readonly IWorkloadView _workload;
    private readonly IFloorActuator _actuator;
    private readonly IDecisionSink _sink;
    private readonly TimeProvider _time;
    private readonly bool _needsNormal;
    private readonly bool _refits;
    private DateTimeOffset? _fittedAt;
    private TimeSpan _phase;
    private PlanForecast? _forecast;
    private ForecastHistory? _recent;
    private HistoryReadFailure? _failure;

    /// <summary>Creates a step; nothing runs until <see cref="RunOnceAsync(CancellationToken)"/>.</summary>
    public PreScaleStep(PreScalePolicy policy, IHistorySource history, IWorkloadView workload, IFloorActuator actuator, IDecisionSink sink, TimeProvider time)
    {
        _policy = policy ?? throw new ArgumentNullException(nameof(policy));
        _history = history ?? throw new ArgumentNullException(nameof(history));
        _workload = workload ?? throw new ArgumentNullException(nameof(workload));
        _actuator = actuator ?? throw new ArgumentNullException(nameof(actuator));
        _sink = sink ?? throw new ArgumentNullException(nameof(sink));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        if (policy.RefitEvery <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(policy), "RefitEvery must be positive.");
        _needsNormal = policy.Calendar.OneOff.Any(e => e.Expected is { Kind: not ExpectedLoadKind.AbsoluteFloor })
            || policy.Calendar.Recurring.Any(r => r.Expected is { Kind: not ExpectedLoadKind.AbsoluteFloor });
        _refits = policy.Forecaster is not null || _needsNormal;
        if (policy.RefitSlack < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(policy), "RefitSlack must not be negative.");
    }

    /// <summary>What a step whose first fit waits says (its record's detail; the controller's ForecastPending condition).</summary>
    public const string PendingDetail =
        "the forecast's first fit waits for the refit budget (a cold start spreads first fits over passes); a floor already held stays, none is raised or released from the forecast until then";

    /// <summary>What a step whose history reads failed before its first fit says after the failure (its record's detail).</summary>
    public const string UnavailableDetail =
        "no forecast until a read succeeds; a floor already held stays, none is raised or released from the forecast until then";

    /// <summary>The step's configuration.</summary>
    public PreScalePolicy Policy => _policy;

    /// <summary>The planner state after the last step.</summary>
    public PlannerState State { get; private set; } = PlannerState.Initial;

    /// <summary>
    /// The forecast's own plan at the last step, in <see cref="PlanningMode.Recommend"/>, when that step withheld forecast
    /// floors (<see cref="StepRun.WithholdForecastFloors"/>): what the policy recommends while untrusted (a host shows it
    /// as the recommendation). Null after a step that withheld nothing.
    /// </summary>
    public PlanResult? Recommendation { get; private set; }

    /// <summary>The trust gate's verdict at the last refit (null when <see cref="PreScalePolicy.TrustWindow"/> is not set or nothing was fitted).</summary>
    public AccuracyVerdict? Accuracy { get; private set; }

    /// <summary>The forecast in use (null before the first fit or without a forecaster).</summary>
    public PlanForecast? Forecast => _forecast;

    /// <summary>True when the step reads history at all (a forecaster, or an event that needs normal load).</summary>
    public bool Refits => _refits;

    /// <summary>When the next refit falls due (<see cref="RefitSchedule.NextDue"/>); null before the first fit or when the step never refits.</summary>
    public DateTimeOffset? NextRefitAt => _refits && _fittedAt is { } fitted ? RefitSchedule.NextDue(fitted, _policy.RefitEvery, _phase) : null;

    /// <summary>
    /// True when a refit (not the first fit) is due at <paramref name="now"/> and no failed read's backoff holds it back
    /// (<see cref="HistoryFailure"/>): a host budgeting refits offers it to <see cref="RefitSchedule.Grant"/>.
    /// </summary>
    public bool RefitDue(DateTimeOffset now) => NextRefitAt is { } due && due <= now && !BackingOff(now);

    /// <summary>
    /// True while the step needs a fit and has none (a host's budget deferred its first fit, or every read so far failed):
    /// nothing from the forecast acts.
    /// </summary>
    public bool FitPending => _refits && _fittedAt is null;

    /// <summary>
    /// True when the step wants a fit at <paramref name="now"/>: its first one, or a due refit (hosts offer it to
    /// <see cref="RefitSchedule.Grant"/>); false while a failed read's backoff runs (<see cref="HistoryReadFailure.RetryAt"/>).
    /// </summary>
    public bool FitDue(DateTimeOffset now) => (FitPending || RefitDue(now)) && !BackingOff(now);

    /// <summary>
    /// The history reads that failed since the last successful fit, or null (none, or the last read succeeded). A failed
    /// read is not a fit: the step keeps its forecast (none before the first fit: <see cref="FitPending"/> stays true) and
    /// reads again at <see cref="HistoryReadFailure.RetryAt"/>.
    /// </summary>
    public HistoryReadFailure? HistoryFailure => _failure;

    /// <summary>Runs one step and returns its result; a due refit runs.</summary>
    public ValueTask<PlanResult> RunOnceAsync(CancellationToken cancellationToken = default) => RunOnceAsync(StepRun.Default, cancellationToken);

    /// <summary>
    /// Runs one step and returns its result. With <paramref name="deferRefit"/> a due refit waits for a later step
    /// (the forecast in use is kept; it covers <see cref="PreScalePolicy.RefitSlack"/> beyond the due time); the first
    /// fit is never deferred by this overload (see <see cref="StepRun.DeferFit"/>).
    /// </summary>
    public ValueTask<PlanResult> RunOnceAsync(bool deferRefit, CancellationToken cancellationToken = default) =>
        RunOnceAsync(new StepRun(DeferFit: deferRefit && _fittedAt is not null), cancellationToken);

    /// <summary>
    /// Runs one step as <paramref name="run"/> says: fits when due unless deferred; plans; in Auto hands the floor to the
    /// actuator, except while the fit is pending and the plan holds no floor (a floor already held stays, nothing is
    /// raised or released on no forecast); writes the record. With <see cref="StepRun.WithholdForecastFloors"/> (the trust
    /// gate's split, the same for every host) the plan acts on nothing learned from the forecast
    /// (<see cref="PlanInput.ForecastTrusted"/> false: no forecast floor, no learned uplift; a multiplier or bump event
    /// multiplies the load observed one week earlier, not the untrusted forecast's p50), events still act, the forecast's
    /// own plan is kept as <see cref="Recommendation"/> and its floor, when higher, recorded as withheld.
    /// </summary>
    public async ValueTask<PlanResult> RunOnceAsync(StepRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var now = _time.GetUtcNow();
        var workload = await _workload.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (_refits && !run.DeferFit && FitDue(now))
        {
            await RefitAsync(now, cancellationToken).ConfigureAwait(false);
        }

        var input = new PlanInput
        {
            HpaMinReplicas = workload.HpaMinReplicas,
            HpaMaxReplicas = workload.HpaMaxReplicas,
            CurrentReplicas = workload.CurrentReplicas,
            Capacity = _policy.Capacity,
            LeadTime = _policy.LeadTime,
            Calendar = _policy.Calendar,
            Forecast = _forecast,
            RecentHistory = _recent,
            ForecastFloors = _policy.ForecastFloors,
            Quantile = _policy.Quantile,
            Headroom = _policy.Headroom,
            Bounds = _policy.Bounds,
            Mode = _policy.Mode,
            Actuation = _policy.Actuation,
            PlanHorizon = _policy.PlanHorizon,
            PlanStep = _policy.PlanStep,
            Resolution = _policy.Resolution,
        };
        PlanResult result;
        if (run.WithholdForecastFloors)
        {
            // The gate's split, one rule for every host: the acting plan holds nothing from the untrusted forecast (events
            // act on their stated expectation and observed normal load); the forecast's own plan, in Recommend, is kept as
            // the recommendation and its floor recorded as withheld.
            var recommended = Pending(PreScalePlanner.Plan(input with { Mode = PlanningMode.Recommend }, State, now));
            result = Withhold(Pending(PreScalePlanner.Plan(input with { ForecastFloors = false, ForecastTrusted = false }, State, now)), recommended);
            Recommendation = recommended;
        }
        else
        {
            result = Pending(PreScalePlanner.Plan(input, State, now));
            Recommendation = null;
        }

        var pending = FitPending;
        State = result.State;
        if (_policy.Mode == PlanningMode.Auto && !(pending && result.Floor is null))
        {
            await _actuator.ApplyAsync(result.FloorToApply, _policy.Actuation, cancellationToken).ConfigureAwait(false);
        }

        await _sink.WriteAsync(result.Record, cancellationToken).ConfigureAwait(false);
        return result;
    }

    private bool BackingOff(DateTimeOffset now) => _failure is { } failure && now < failure.RetryAt;

    // While the first fit waits (the budget, or failed reads) and the plan holds no floor: nothing is raised or released (a
    // floor already held stays). A refit that failed keeps the last forecast, and the record says so.
    private PlanResult Pending(PlanResult result)
    {
        if (FitPending && result.Floor is null)
        {
            return result with
            {
                FloorToApply = null,
                Record = result.Record with
                {
                    AppliedFloor = null,
                    Reason = _failure is null ? DecisionReason.ForecastPending : DecisionReason.HistoryUnavailable,
                    Detail = _failure is { } f ? f.Describe() + "; " + UnavailableDetail : PendingDetail,
                    Action = "pending: nothing changed",
                },
            };
        }

        return _failure is { } failure && _fittedAt is { } fitted
            ? result with { Record = result.Record with { Detail = result.Record.Detail + FormattableString.Invariant($"; {failure.Describe()}: the forecast fitted at {fitted:yyyy-MM-dd'T'HH:mm:ss'Z'} stays in use") } }
            : result;
    }

    // The acted plan (events only) with the forecast floor the gate held back, when that one is higher.
    private PlanResult Withhold(PlanResult acted, PlanResult gated)
    {
        if (_forecast is null || !_policy.ForecastFloors || gated.Floor is not { } withheld || withheld <= (acted.Floor ?? 0))
        {
            return acted;
        }

        var why = TrustGateDecision.WithheldReason + (Accuracy is { } verdict ? " (" + verdict.Describe() + ")" : " (not scored yet)");
        return acted with
        {
            Record = acted.Record with
            {
                WithheldFloor = withheld,
                Detail = acted.Record.Detail + FormattableString.Invariant($"; forecast floor {withheld} withheld, recommended only: {why}"),
            },
        };
    }

    private async ValueTask RefitAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        ForecastHistory? history;
        try
        {
            history = await _history.GetHistoryAsync(now - _policy.HistoryWindow, now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Any failure of the source but our own cancellation (a timeout included) is a failed read, not a fit: the
            // forecast in use stays (KEDA's "last good value"), and the read is tried again after a backoff.
            var failures = (_failure?.Failures ?? 0) + 1;
            _failure = new HistoryReadFailure(e.Message, failures, _failure?.Since ?? now, now + HistoryReadFailure.Backoff(failures));
            return;
        }

        _failure = null;
        if (_fittedAt is null)
        {
            _phase = _policy.RefitPhase ?? TimeSpan.FromTicks((now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) % _policy.RefitEvery.Ticks);
        }

        _fittedAt = now;
        _recent = history;
        if (_policy.Forecaster is not { } forecaster || history is null || history.Count < 2 || !HasData(history))
        {
            _forecast = null;
            return;
        }

        // Cover every step until the next refit (at most RefitEvery away) and the deferral it may suffer, plus the
        // lead-time window and one grid step of slack.
        var horizon = (now - history.TimeAt(history.Count)) + _policy.RefitEvery + _policy.RefitSlack + _policy.LeadTime.Value + _policy.Resolution + history.Step;
        var leads = Math.Max(1, (int)Math.Ceiling(horizon / history.Step));
        var end = history.TimeAt(history.Count + leads);
        var events = _policy.Calendar.Occurrences(history.Start, end + TimeSpan.FromDays(1))
            .Select(e => new ScheduledEvent(e.Start, e.End, e.Kind, e.Expected is { Kind: ExpectedLoadKind.Multiplier } m ? m.Value : null, e.Description))
            .ToList();
        if (_policy.TrustWindow is { } window)
        {
            // Scored over the span one fit serves: until the next refit, plus the lead time it is acted on ahead.
            Accuracy = TrustGate.Evaluate(forecaster, history, window, _policy.RefitEvery + _policy.LeadTime.Value);
        }

        var withEvents = forecaster.Forecast(new ForecastRequest(history, leads, events));
        var withoutEvents = _needsNormal && events.Count > 0 ? forecaster.Forecast(new ForecastRequest(history, leads)) : null;
        _forecast = new PlanForecast(withEvents, withoutEvents);
    }

    private static bool HasData(ForecastHistory history)
    {
        foreach (var v in history.Values)
        {
            if (double.IsFinite(v)) return true;
        }

        return false;
    }
}
