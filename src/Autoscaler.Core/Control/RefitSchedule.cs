using System.Text;

namespace Autoscaler.Core.Control;

/// <summary>
/// When a <see cref="PreScaleStep"/> refits its forecast, and how many steps refit in one pass: the rule that keeps
/// policies created together from refitting in the same pass. Each step refits on its own slots
/// <c>Unix epoch + phase + k × RefitEvery</c> (the phase from a stable hash of the target's key, so it survives a
/// restart and a leader change), and a host running many steps grants at most <see cref="Share"/> refits per pass,
/// the longest-due first (<see cref="Grant"/>); the others keep their forecast one more pass. Pure and deterministic:
/// both hosts call it.
/// </summary>
public static class RefitSchedule
{
    /// <summary>
    /// How long a due refit may wait for room in a host's per-pass budget while the forecast in use still covers the
    /// lead-time window (15 min; every host sets it as <see cref="PreScalePolicy.RefitSlack"/>, so the same history gives
    /// the same forecast horizon in the controller and the simulator).
    /// </summary>
    public static readonly TimeSpan DeferralSlack = TimeSpan.FromMinutes(15);

    /// <summary>
    /// The phase of <paramref name="key"/> (e.g. <c>namespace/hpa</c>) in [0, <paramref name="refitEvery"/>), whole
    /// seconds: FNV-1a (64-bit) of the key's UTF-8 bytes modulo the period's seconds. Stable across processes and
    /// versions (not <see cref="string.GetHashCode()"/>, which is randomized per process).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The period is shorter than one second.</exception>
    public static TimeSpan PhaseOf(string key, TimeSpan refitEvery)
    {
        ArgumentNullException.ThrowIfNull(key);
        var seconds = (ulong)Math.Floor(refitEvery.TotalSeconds);
        if (seconds < 1) throw new ArgumentOutOfRangeException(nameof(refitEvery), refitEvery, "The refit period must be at least one second.");
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }

        return TimeSpan.FromSeconds(hash % seconds);
    }

    /// <summary>
    /// The first refit slot strictly after <paramref name="fittedAt"/>: the slots are
    /// <c>Unix epoch + <paramref name="phase"/> + k × <paramref name="refitEvery"/></c>. A fit made late (deferred) keeps
    /// its slot: the next one is due less than a period later, so deferrals do not accumulate.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The period is not positive.</exception>
    public static DateTimeOffset NextDue(DateTimeOffset fittedAt, TimeSpan refitEvery, TimeSpan phase)
    {
        if (refitEvery <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(refitEvery), refitEvery, "The refit period must be positive.");
        var offset = (fittedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks - phase.Ticks) % refitEvery.Ticks;
        if (offset < 0) offset += refitEvery.Ticks;
        return fittedAt + TimeSpan.FromTicks(refitEvery.Ticks - offset);
    }

    /// <summary>
    /// The refits one pass may run: the sum over the steps of <c>passPeriod / RefitEvery</c>, rounded up, at least 1
    /// (1,000 hourly steps on a 30 s pass: 9). Over one refit period the passes then have room for every step once.
    /// </summary>
    /// <param name="refitPeriods">The <see cref="PreScalePolicy.RefitEvery"/> of every step that refits.</param>
    /// <param name="passPeriod">How often the host runs a pass (the controller's sync period).</param>
    /// <exception cref="ArgumentOutOfRangeException">A period is not positive.</exception>
    public static int Share(IEnumerable<TimeSpan> refitPeriods, TimeSpan passPeriod)
    {
        ArgumentNullException.ThrowIfNull(refitPeriods);
        if (passPeriod <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(passPeriod), passPeriod, "The pass period must be positive.");
        var sum = 0.0;
        foreach (var period in refitPeriods)
        {
            if (period <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(refitPeriods), period, "A refit period must be positive.");
            sum += passPeriod / period;
        }

        return Math.Max(1, (int)Math.Ceiling(sum - 1e-9));
    }

    /// <summary>
    /// Which of the due refits run in this pass: at most <paramref name="budget"/>, the earliest due first (ties by key,
    /// ordinal). First fits are not candidates (a step without a forecast always fits; see <see cref="PreScaleStep"/>).
    /// </summary>
    /// <param name="due">The steps whose refit is due now.</param>
    /// <param name="budget">Refits allowed in this pass (usually <see cref="Share"/>).</param>
    /// <returns>The keys granted.</returns>
    public static IReadOnlySet<string> Grant(IEnumerable<RefitCandidate> due, int budget)
    {
        ArgumentNullException.ThrowIfNull(due);
        return due.OrderBy(c => c.DueAt).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(Math.Max(0, budget))
            .Select(c => c.Key)
            .ToHashSet(StringComparer.Ordinal);
    }
}
