using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Autoscaler.Kubernetes.Http;

/// <summary>The Polly pipeline of one call: retries (outer) around a per-attempt timeout (inner).</summary>
internal static class ResiliencePipelines
{
    public static readonly ResiliencePropertyKey<ApiRequest> RequestKey = new("autoscaler.kubernetes.request");

    public static ResiliencePipeline<HttpResponseMessage> Create(KubernetesClientOptions options, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            var random = options.Random;
            var retry = new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseRetryDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldHandle(args.Context, args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(ServerDelay(args.Outcome, time, options.MaxRetryDelay, NextDouble(random))),
                OnRetry = args =>
                {
                    Notify(options, args);
                    return ValueTask.CompletedTask;
                },
            };
            if (random is not null)
            {
                retry.Randomizer = () => { lock (random) { return random.NextDouble(); } };
            }

            builder.AddRetry(retry);
        }

        builder.AddTimeout(options.RequestTimeout);
        return builder.Build();
    }

    private static bool ShouldHandle(ResilienceContext context, Outcome<HttpResponseMessage> outcome)
    {
        var request = context.Properties.GetValue(RequestKey, null!);
        if (outcome.Result is { } response)
        {
            return RetryRules.ShouldRetry(request.Method, response.StatusCode, response.Headers.RetryAfter is not null);
        }

        return outcome.Exception is HttpRequestException or TimeoutRejectedException
            && RetryRules.ShouldRetryTransportFailure(request.Method);
    }

    /// <summary>
    /// The server's Retry-After plus up to half of it again: never earlier than asked, and throttled callers
    /// that were all told "1 second" do not return in the same instant.
    /// </summary>
    private static TimeSpan? ServerDelay(Outcome<HttpResponseMessage> outcome, TimeProvider time, TimeSpan max, double jitter) =>
        RetryRules.RetryAfter(outcome.Result?.Headers.RetryAfter, time.GetUtcNow()) is { } wait
            ? TimeSpan.FromTicks(Math.Min(max.Ticks, (long)(wait.Ticks * (1 + (jitter / 2)))))
            : null;

    private static double NextDouble(Random? random)
    {
        if (random is null)
        {
            return Random.Shared.NextDouble();
        }

        lock (random)
        {
            return random.NextDouble();
        }
    }

    private static void Notify(KubernetesClientOptions options, OnRetryArguments<HttpResponseMessage> args)
    {
        if (options.OnRetry is not { } callback)
        {
            return;
        }

        var request = args.Context.Properties.GetValue(RequestKey, null!);
        HttpStatusCode? code = args.Outcome.Result?.StatusCode;
        var fromServer = args.Outcome.Result?.Headers.RetryAfter is not null;
        callback(new RetryNotice(request.Method.Method, request.PathAndQuery, args.AttemptNumber, code, args.RetryDelay, fromServer));
    }
}
