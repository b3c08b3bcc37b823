namespace Autoscaler.E2E.Tests.Fixtures;

/// <summary>Polls a condition the control plane reaches asynchronously (controllers, watches).</summary>
public static class Eventually
{
    /// <summary>Polls until the condition returns a value, or fails with the description after the timeout.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="what">What is awaited, for the failure message.</param>
    /// <param name="probe">Returns the value, or null while not there yet.</param>
    /// <param name="timeout">Upper bound on waiting.</param>
    /// <returns>The value.</returns>
    public static async Task<T> Async<T>(string what, Func<Task<T?>> probe, TimeSpan timeout)
        where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out after {timeout.TotalSeconds} s waiting for {what}");
            }

            await Task.Delay(200);
        }
    }
}
