using Autoscaler.Core.Control;

namespace Autoscaler.Controller.Reconciling;

/// <summary>
/// The refits one pass may run, decided by Core's <see cref="RefitSchedule"/> over every long-lived step whose refit
/// is due: at most <see cref="RefitSchedule.Share"/> of them (sync period / refit period, summed over the steps), the
/// longest-due first; the others keep their forecast until a later pass. First fits (new or rebuilt steps) are not
/// budgeted.
/// </summary>
internal static class RefitGrants
{
    /// <summary>Key prefix of the acting steps.</summary>
    public const string Acting = "acting:";

    /// <summary>Key prefix of the observing steps.</summary>
    public const string Observing = "observing:";

    /// <summary>The granted keys (prefix + HPA key) at <paramref name="now"/>, and how many due refits wait.</summary>
    /// <param name="acting">Acting runners by HPA key.</param>
    /// <param name="observing">Observing runners by HPA key.</param>
    /// <param name="now">The pass's now.</param>
    /// <param name="syncPeriod">The controller's sync period.</param>
    public static (IReadOnlySet<string> Granted, int Waiting) For(
        IReadOnlyDictionary<string, TargetRunner> acting, IReadOnlyDictionary<string, TargetRunner> observing, DateTimeOffset now, TimeSpan syncPeriod)
    {
        var runners = acting.Select(r => (Key: Acting + r.Key, Runner: r.Value))
            .Concat(observing.Select(r => (Key: Observing + r.Key, Runner: r.Value)))
            .Where(r => r.Runner.Step.Refits)
            .ToList();
        var due = runners.Where(r => r.Runner.Step.RefitDue(now)).Select(r => new RefitCandidate(r.Key, r.Runner.Step.NextRefitAt!.Value)).ToList();
        var granted = RefitSchedule.Grant(due, RefitSchedule.Share(runners.Select(r => r.Runner.Policy.RefitEvery), syncPeriod));
        return (granted, due.Count - granted.Count);
    }
}
