using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Autoscaler.Prometheus.Query;

/// <summary>The Polly pipeline around every Prometheus call: total timeout → retry → circuit breaker → attempt timeout.</summary>
public static class PrometheusResilience
{
    /// <summary>Builds the pipeline; only transient failures (<see cref="PrometheusException.IsTransient"/>, connection
    /// errors, attempt timeouts) are retried and counted by the breaker. Delays and timeouts run on <paramref name="time"/>.</summary>
    public static ResiliencePipeline Build(PrometheusResilienceOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Only transient failures are retried and counted by the breaker; a PromQL error is the rule's fault.
        var transient = new PredicateBuilder()
            .Handle<HttpRequestException>()
            .Handle<TimeoutRejectedException>()
            .Handle<PrometheusException>(ex => ex.IsTransient);
        var builder = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddTimeout(options.TotalTimeout);
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(200),
            });
        }

        return builder
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = 0.5,
                MinimumThroughput = 4,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = options.BreakDuration,
            })
            .AddTimeout(options.AttemptTimeout)
            .Build();
    }
}
