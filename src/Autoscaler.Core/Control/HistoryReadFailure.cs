namespace Autoscaler.Core.Control;

/// <summary>
/// A step's failed history reads, while they last (<see cref="PreScaleStep.HistoryFailure"/>): a failed read is not a fit.
/// The step keeps the forecast it had (the last good one, or none before the first fit) and reads again at
/// <see cref="RetryAt"/>, backing off exponentially (<see cref="Backoff"/>) so an unreachable source is not asked at every
/// pass; the first success clears it.
/// </summary>
/// <param name="Message">The last read's error (the source's own exception message).</param>
/// <param name="Failures">Consecutive failed reads (≥ 1).</param>
/// <param name="Since">When the first of them failed.</param>
/// <param name="RetryAt">When the step reads again (no fit is due before).</param>
public sealed record HistoryReadFailure(string Message, int Failures, DateTimeOffset Since, DateTimeOffset RetryAt)
{
    /// <summary>The wait after the first failed read (15 s: a host passing every 30 s reads again at its next pass).</summary>
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(15);

    /// <summary>The longest wait between reads while the source stays unreachable (5 min).</summary>
    public static readonly TimeSpan MaxRetry = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The wait after <paramref name="failures"/> consecutive failed reads: <see cref="FirstRetry"/> × 2^(failures − 1),
    /// at most <see cref="MaxRetry"/> (15 s, 30 s, 1 min, 2 min, 4 min, 5 min, ...). Deterministic (no jitter): the steps'
    /// reads are already spread by their refit phases and a host's per-pass refit budget.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="failures"/> is below 1.</exception>
    public static TimeSpan Backoff(int failures)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        var doublings = Math.Min(failures - 1, 10);
        var wait = FirstRetry * Math.Pow(2, doublings);
        return wait < MaxRetry ? wait : MaxRetry;
    }

    /// <summary>One line for a record or a condition: the error, how many reads failed since when, and the next read.</summary>
    public string Describe() => FormattableString.Invariant(
        $"history read failed: {Message} ({Failures} consecutive {(Failures == 1 ? "failure" : "failures")} since {Since:yyyy-MM-dd'T'HH:mm:ss'Z'}; read again at {RetryAt:yyyy-MM-dd'T'HH:mm:ss'Z'})");
}
