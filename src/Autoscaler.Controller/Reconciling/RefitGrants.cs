using Autoscaler.Core.Control;

namespace Autoscaler.Controller.Reconciling;

/// <summary>
/// The fits one pass may run, decided by Core's <see cref="RefitSchedule"/>: at most <see cref="RefitSchedule.Share"/>
/// (sync period / refit period, summed over the steps, including the targets whose step this pass builds), the
/// longest-due first. First fits count too: a step built on a cold start (a restart, a new leader) or on a rebuild has
/// been due since it was built, and a step built during the pass takes what room the due ones left
/// (<see cref="Spare"/>). The others keep their forecast, or report ForecastPending, until a later pass.
/// </summary>
internal sealed class RefitGrants
{
    /// <summary>Key prefix of the acting steps.</summary>
    public const string Acting = "acting:";

    /// <summary>Key prefix of the observing steps.</summary>
    public const string Observing = "observing:";

    private readonly IReadOnlySet<string> _granted;
    private int _spare;

    private RefitGrants(IReadOnlySet<string> granted, int waiting, int spare)
    {
        _granted = granted;
        Waiting = waiting;
        _spare = spare;
    }

    /// <summary>Nothing granted (before the first pass).</summary>
    public static RefitGrants None { get; } = new(new HashSet<string>(), 0, 0);

    /// <summary>Fits that were due at the start of the pass and got no room.</summary>
    public int Waiting { get; }

    /// <summary>Room left for the first fits of steps built during the pass.</summary>
    public int Spare => _spare;

    /// <summary>The grants at <paramref name="now"/>.</summary>
    /// <param name="acting">Acting runners by HPA key.</param>
    /// <param name="observing">Observing runners by HPA key.</param>
    /// <param name="newTargets">Targets with a policy and no runner yet (their step will be built in this pass).</param>
    /// <param name="now">The pass's now.</param>
    /// <param name="syncPeriod">The controller's sync period.</param>
    public static RefitGrants For(
        IReadOnlyDictionary<string, TargetRunner> acting, IReadOnlyDictionary<string, TargetRunner> observing, int newTargets, DateTimeOffset now, TimeSpan syncPeriod)
    {
        var runners = acting.Select(r => (Key: Acting + r.Key, Runner: r.Value))
            .Concat(observing.Select(r => (Key: Observing + r.Key, Runner: r.Value)))
            .Where(r => r.Runner.Step.Refits)
            .ToList();
        var due = runners.Where(r => r.Runner.Step.FitDue(now))
            .Select(r => new RefitCandidate(r.Key, r.Runner.Step.NextRefitAt ?? r.Runner.CreatedAt))
            .ToList();
        var periods = runners.Select(r => r.Runner.Policy.RefitEvery).Concat(Enumerable.Repeat(PreScalePolicy.DefaultRefitEvery, newTargets));
        var share = RefitSchedule.Share(periods, syncPeriod);
        var granted = RefitSchedule.Grant(due, share);
        return new RefitGrants(granted, due.Count - granted.Count, share - granted.Count);
    }

    /// <summary>True when the step under <paramref name="key"/> (prefix + HPA key) may fit in this pass; a step built during the pass takes spare room.</summary>
    /// <param name="key">Prefix + HPA key.</param>
    /// <param name="builtThisPass">True when the step was built in this pass (not a candidate at its start).</param>
    public bool Allows(string key, bool builtThisPass)
    {
        if (_granted.Contains(key))
        {
            return true;
        }

        if (builtThisPass && _spare > 0)
        {
            _spare--;
            return true;
        }

        return false;
    }
}
