using System.Text;
using Autoscaler.MetricsAdapter.Auth;
using Autoscaler.MetricsAdapter.Providers;
using Autoscaler.MetricsAdapter.Tls;
using Microsoft.AspNetCore.Http;

namespace Autoscaler.MetricsAdapter.Health;

/// <summary>
/// <c>/healthz</c>, <c>/livez</c> and <c>/readyz</c> in the apiserver's conventions (§1.10): 200 <c>ok</c>, or 500 with
/// a <c>[+]/[-]</c> report; <c>?verbose</c> lists every check; <c>/readyz/&lt;check&gt;</c> runs one check. Readiness
/// needs the TLS certificate, the front-proxy trust material, and at least one healthy metric source.
/// </summary>
internal sealed class HealthEndpoints
{
    private readonly HealthCheck[] _live;
    private readonly HealthCheck[] _ready;

    public HealthEndpoints(CompositeMetricsProvider sources, IAuthenticationTrustSource trust, AuthOptions auth, ServingCertificate certificate)
    {
        _live = [new HealthCheck("ping", () => null)];
        var ready = new List<HealthCheck>(_live)
        {
            new("tls-certificate", () => certificate.Current is null ? "no serving certificate loaded" : null),
            new("metric-sources", () => sources.AnySourceHealthy()
                ? null
                : "no healthy metric source: " + string.Join("; ", sources.SourceHealth().Select(h => $"{h.Name}: {h.Health.Detail}"))),
        };
        if (!auth.Disabled)
        {
            ready.Add(new("authentication-trust", () => trust.Current is null ? trust.LastError ?? "not loaded" : null));
        }

        _ready = ready.ToArray();
    }

    /// <summary>True when the path belongs to a health endpoint.</summary>
    public static bool Matches(string path) =>
        path is "/healthz" or "/livez" or "/readyz" || path.StartsWith("/healthz/", StringComparison.Ordinal) ||
        path.StartsWith("/livez/", StringComparison.Ordinal) || path.StartsWith("/readyz/", StringComparison.Ordinal);

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value!;
        var slash = path.IndexOf('/', 1);
        var endpoint = slash < 0 ? path[1..] : path[1..slash];
        var only = slash < 0 ? null : path[(slash + 1)..];
        var checks = endpoint == "readyz" ? _ready : _live;
        if (only is not null)
        {
            checks = checks.Where(c => c.Name == only).ToArray();
            if (checks.Length == 0)
            {
                return Text(context, 404, $"no such health check: {only}\n");
            }
        }

        var results = checks.Select(c => (c.Name, Failure: c.Check())).ToArray();
        var failed = results.Any(r => r.Failure is not null);
        var verbose = context.Request.Query.ContainsKey("verbose");
        if (!failed && !verbose)
        {
            return Text(context, 200, "ok");
        }

        var sb = new StringBuilder();
        foreach (var (name, failure) in results)
        {
            // Reasons stay out of the unauthenticated probe output, as in the apiserver.
            sb.Append(failure is null ? $"[+]{name} ok\n" : $"[-]{name} failed: reason withheld\n");
        }

        sb.Append(endpoint).Append(failed ? " check failed\n" : " check passed\n");
        return Text(context, failed ? 500 : 200, sb.ToString());
    }

    /// <summary>The current reasons of every failing readiness check (for logs and tests).</summary>
    public IReadOnlyList<string> ReadinessFailures() =>
        _ready.Select(c => (c.Name, Failure: c.Check())).Where(r => r.Failure is not null).Select(r => $"{r.Name}: {r.Failure}").ToArray();

    private static Task Text(HttpContext context, int code, string body)
    {
        context.Response.StatusCode = code;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache, private";
        return context.Response.WriteAsync(body, context.RequestAborted);
    }
}
