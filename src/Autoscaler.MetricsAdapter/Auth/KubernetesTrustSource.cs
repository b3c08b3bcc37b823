using System.Security.Cryptography;
using System.Text;
using k8s;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Autoscaler.MetricsAdapter.Auth;

/// <summary>
/// Reads <c>kube-system/extension-apiserver-authentication</c> at start and re-reads it periodically, so a
/// rotated front-proxy CA is picked up without a restart. Until the first successful read, readiness fails
/// and certificate-bearing requests get 503; a later failed read keeps the last good material.
/// </summary>
internal sealed partial class KubernetesTrustSource(IKubernetes client, TimeSpan interval, TimeProvider time, ILogger<KubernetesTrustSource> logger)
    : BackgroundService, IAuthenticationTrustSource
{
    public const string Namespace = "kube-system";
    public const string Name = "extension-apiserver-authentication";

    private string _fingerprint = string.Empty;
    private long _generation;
    private volatile RequestHeaderTrust? _current;
    private volatile string? _lastError = "not loaded yet";

    public RequestHeaderTrust? Current => _current;

    public string? LastError => _lastError;

    /// <summary>One read; returns true when current material is available.</summary>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var map = await client.CoreV1.ReadNamespacedConfigMapAsync(Name, Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            var data = map.Data ?? new Dictionary<string, string>();
            var fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', data.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key + "=" + kv.Value)))));
            if (fingerprint != _fingerprint)
            {
                var trust = TrustMaterialParser.Parse(data, Interlocked.Increment(ref _generation));
                _current = trust;
                _fingerprint = fingerprint;
                LogLoaded(logger, trust.RequestHeaderCa.Count, string.Join(",", trust.AllowedNames));
            }

            _lastError = null;
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _lastError = $"reading {Namespace}/{Name} failed: {e.Message}";
            LogFailed(logger, _lastError);
            return _current is not null;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RefreshAsync(stoppingToken).ConfigureAwait(false);
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Front-proxy trust loaded: {CaCount} requestheader CA certificate(s), allowed names [{Names}]")]
    private static partial void LogLoaded(ILogger logger, int caCount, string names);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
