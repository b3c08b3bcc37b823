using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Autoscaler.E2E.Tests.Fixtures;

/// <summary>
/// Polls for a condition the control plane reaches asynchronously (controllers, watches, the aggregator's
/// proxy). Every e2e wait goes through here: bounded, and on timeout the message names what was awaited
/// and what was last seen, so a red CI run says why without a rerun. Never a fixed sleep.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>Polls until the condition returns a value, or fails with the description after the timeout.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="what">What is awaited, for the failure message.</param>
    /// <param name="probe">Returns the value, or null while not there yet.</param>
    /// <param name="timeout">Upper bound on waiting.</param>
    /// <returns>The value.</returns>
    public static Task<T> Async<T>(string what, Func<Task<T?>> probe, TimeSpan timeout)
        where T : class =>
        Async<T>(what, _ => probe(), timeout);

    /// <summary>
    /// Polls until the condition returns a value. The probe reports what it saw on each attempt through
    /// its argument (e.g. "404 NotFound", "replicas=2"); the last report is part of the timeout message.
    /// </summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="what">What is awaited, for the failure message.</param>
    /// <param name="probe">Gets a callback for what it observed; returns the value, or null while not there yet.</param>
    /// <param name="timeout">Upper bound on waiting.</param>
    /// <param name="retryOn">
    /// Optional: failures of the probe that mean "not there yet" (such as <see cref="ApiOrHttpError"/> while an object or
    /// a listener does not exist yet); their message counts as what was seen. Any other failure ends the wait at once.
    /// </param>
    /// <returns>The value.</returns>
    /// <exception cref="TimeoutException">The condition did not hold within the timeout.</exception>
    public static async Task<T> Async<T>(string what, Func<Action<string>, Task<T?>> probe, TimeSpan timeout, Func<Exception, bool>? retryOn = null)
        where T : class
    {
        var clock = Stopwatch.StartNew();
        var attempts = 0;
        string? lastSeen = null;
        while (true)
        {
            attempts++;
            try
            {
                if (await probe(seen => lastSeen = seen) is { } value)
                {
                    return value;
                }
            }
            catch (Exception e) when (retryOn?.Invoke(e) == true)
            {
                lastSeen = $"{e.GetType().Name}: {e.Message}";
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException(
                    $"timed out after {timeout.TotalSeconds} s ({attempts} attempts) waiting for {what}; last seen: {lastSeen ?? "(nothing reported)"}");
            }

            await Task.Delay(Interval);
        }
    }

    /// <summary>A <c>retryOn</c> for probes through the API server or HTTP: an error answer, or no answer (nothing listening yet).</summary>
    /// <param name="e">The probe's failure.</param>
    /// <returns>Whether to keep polling.</returns>
    public static bool ApiOrHttpError(Exception e) => e is k8s.Autorest.HttpOperationException or HttpRequestException;

    /// <summary>
    /// Polls until the condition holds; the condition reports what it saw on each attempt (the last report is part
    /// of the timeout message), as in <see cref="Async{T}(string, Func{Action{string}, Task{T}}, TimeSpan, Func{Exception, bool})"/>.
    /// </summary>
    /// <param name="what">What is awaited, for the failure message.</param>
    /// <param name="condition">Gets a callback for what it observed; returns whether the condition holds.</param>
    /// <param name="timeout">Upper bound on waiting.</param>
    /// <param name="retryOn">Optional: failures that mean "not yet" (see the other overload).</param>
    /// <returns>A task that completes when the condition holds.</returns>
    /// <exception cref="TimeoutException">The condition did not hold within the timeout.</exception>
    public static Task TrueAsync(string what, Func<Action<string>, Task<bool>> condition, TimeSpan timeout, Func<Exception, bool>? retryOn = null) =>
        Async(what, async seen => await condition(seen) ? "holds" : null, timeout, retryOn);

    /// <summary>
    /// Polls until the condition holds. The failure message quotes the condition's source text, plus what
    /// <paramref name="describe"/> says about the current state when given.
    /// </summary>
    /// <param name="condition">The condition.</param>
    /// <param name="timeout">Upper bound on waiting (60 s when null).</param>
    /// <param name="describe">Optional: describes the state seen when the wait times out (e.g. Prometheus' targets).</param>
    /// <param name="what">Filled in by the compiler with the condition's source text.</param>
    /// <returns>A task that completes when the condition holds.</returns>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, Func<Task<string>>? describe = null,
        [CallerArgumentExpression(nameof(condition))] string what = "")
    {
        try
        {
            await Async(what, async () => await condition() ? "holds" : null, timeout ?? TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException e) when (describe is not null)
        {
            throw new TimeoutException($"{e.Message}; state: {await describe()}", e);
        }
    }
}
