using System.Net;
using Polly;
using Polly.Retry;

namespace Autoscaler.Kubernetes.Http;

/// <summary>
/// Retries API calls that KubernetesClient sends once: a 429 always (the server did no work), a 5xx when the
/// server sent Retry-After or the call is idempotent, a connection failure when idempotent (client-go's rules,
/// <see cref="RetryRules"/>). Waits the server's Retry-After plus up to half again, else exponential back-off
/// with jitter. Put it in <c>new Kubernetes(config, handler)</c>; KubernetesClient 21 has no retries of its own.
/// </summary>
public sealed class KubernetesRetryHandler : DelegatingHandler
{
    private readonly KubernetesRetryOptions _options;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <summary>Creates the handler.</summary>
    /// <param name="options">Retry settings; null uses the defaults.</param>
    public KubernetesRetryHandler(KubernetesRetryOptions? options = null)
    {
        _options = options ?? new KubernetesRetryOptions();
        _options.Validate();
        _time = _options.TimeProvider ?? TimeProvider.System;
        _pipeline = Build();
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_options.MaxRetries == 0)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        try
        {
            return await _pipeline.ExecuteAsync(
                static async (ctx, state) => await state.Self.AttemptAsync(state.Request, ctx.CancellationToken).ConfigureAwait(false),
                context,
                (Self: this, Request: request)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("autoscaler.kubernetes.request");

    private Task<HttpResponseMessage> AttemptAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private ResiliencePipeline<HttpResponseMessage> Build()
    {
        var retry = new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = Math.Max(1, _options.MaxRetries),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = _options.BaseDelay,
            MaxDelay = _options.MaxDelay,
            ShouldHandle = args => ValueTask.FromResult(ShouldHandle(args.Context, args.Outcome)),
            DelayGenerator = args => ValueTask.FromResult(ServerDelay(args.Outcome)),
            OnRetry = args =>
            {
                Notify(args);
                args.Outcome.Result?.Dispose();
                return ValueTask.CompletedTask;
            },
        };
        if (_options.Random is { } random)
        {
            retry.Randomizer = () => NextDouble(random);
        }

        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time }.AddRetry(retry).Build();
    }

    private static bool ShouldHandle(ResilienceContext context, Outcome<HttpResponseMessage> outcome)
    {
        var request = context.Properties.GetValue(RequestKey, null!);
        if (outcome.Result is { } response)
        {
            return RetryRules.ShouldRetry(request.Method, response.StatusCode, response.Headers.RetryAfter is not null);
        }

        return outcome.Exception is HttpRequestException && RetryRules.ShouldRetryTransportFailure(request.Method);
    }

    /// <summary>
    /// The server's Retry-After plus up to half of it again: never earlier than asked, and throttled callers
    /// that were all told "1 second" do not return in the same instant.
    /// </summary>
    private TimeSpan? ServerDelay(Outcome<HttpResponseMessage> outcome) =>
        RetryRules.RetryAfter(outcome.Result?.Headers.RetryAfter, _time.GetUtcNow()) is { } wait
            ? TimeSpan.FromTicks(Math.Min(_options.MaxDelay.Ticks, (long)(wait.Ticks * (1 + (NextDouble(_options.Random) / 2)))))
            : null;

    private static double NextDouble(Random? random)
    {
        if (random is null)
        {
            // Jitter exists to make replicas differ; a process-wide seed would throttle them in step. Tests and
            // replays inject a seeded KubernetesRetryOptions.Random.
#pragma warning disable RS0030 // Random.Shared: the unseeded default at the process boundary, see above
            return Random.Shared.NextDouble();
#pragma warning restore RS0030
        }

        lock (random)
        {
            return random.NextDouble();
        }
    }

    private void Notify(OnRetryArguments<HttpResponseMessage> args)
    {
        if (_options.OnRetry is not { } callback)
        {
            return;
        }

        var request = args.Context.Properties.GetValue(RequestKey, null!);
        HttpStatusCode? code = args.Outcome.Result?.StatusCode;
        var fromServer = args.Outcome.Result?.Headers.RetryAfter is not null;
        callback(new RetryNotice(request.Method.Method, request.RequestUri?.PathAndQuery ?? "", args.AttemptNumber, code, args.RetryDelay, fromServer));
    }
}
