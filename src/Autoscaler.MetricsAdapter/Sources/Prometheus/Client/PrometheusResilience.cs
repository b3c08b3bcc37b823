using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Autoscaler.MetricsAdapter.Sources.Prometheus.Client;

/// <summary>The Polly pipeline around every Prometheus call: total timeout → retry → circuit breaker → attempt timeout.</summary>
internal static class PrometheusResilience
{
    public static ResiliencePipeline Build(PrometheusSourceOptions options, TimeProvider time)
    {
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
