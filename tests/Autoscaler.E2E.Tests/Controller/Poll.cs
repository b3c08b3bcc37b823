namespace Autoscaler.E2E.Tests.Controller;

/// <summary>Polls for a condition with a bounded timeout; the failure names what was awaited and what was last seen.</summary>
internal static class Poll
{
    public static async Task<T> UntilAsync<T>(string what, Func<Task<(bool Done, T Value, string Seen)>> probe, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var seen = "nothing yet";
        while (true)
        {
            try
            {
                var (done, value, description) = await probe();
                seen = description;
                if (done)
                {
                    return value;
                }
            }
            catch (Exception e) when (e is k8s.Autorest.HttpOperationException or HttpRequestException)
            {
                seen = e.Message;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"timed out after {timeout.TotalSeconds} s waiting for {what}; last seen: {seen}");
            }

            await Task.Delay(250);
        }
    }
}
