using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Autoscaler.MetricsAdapter.Tls;

/// <summary>
/// Loads a serving certificate from PEM files and reloads it when their contents change. Polling (rather
/// than a file watcher) also catches Kubernetes' atomic symlink swaps of mounted secrets. A bad new pair is
/// logged and the last good certificate keeps serving. <c>settings</c> names the options the files came from
/// (<c>--tls-cert-file/--tls-private-key-file</c>, or <c>Grpc:CertificateFile/Grpc:PrivateKeyFile</c>) in errors and logs.
/// </summary>
internal sealed partial class CertificateFileReloader(
    string certPath,
    string keyPath,
    TimeSpan interval,
    ServingCertificate target,
    TimeProvider time,
    ILogger<CertificateFileReloader> logger,
    string settings = "--tls-cert-file/--tls-private-key-file")
    : BackgroundService
{
    private string _fingerprint = string.Empty;

    /// <summary>Loads the pair once; throws with the file names when it is unusable (start-up must fail loudly).</summary>
    public void LoadInitial()
    {
        if (!TryReload(out var error))
        {
            throw new InvalidOperationException($"{settings}: cannot load TLS certificate {certPath} with key {keyPath}: {error}");
        }
    }

    /// <summary>One poll: reloads when the files' contents changed. Returns false with the reason on failure.</summary>
    public bool TryReload(out string error)
    {
        error = string.Empty;
        try
        {
            var certText = File.ReadAllText(certPath);
            var keyText = File.ReadAllText(keyPath);
            var fingerprint = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(certText + "\n" + keyText)));
            if (fingerprint == _fingerprint)
            {
                return true;
            }

            var certificate = X509Certificate2.CreateFromPem(certText, keyText);
            target.Set(certificate);
            _fingerprint = fingerprint;
            LogLoaded(logger, settings, certPath, certificate.Subject, certificate.NotAfter);
            return true;
        }
        catch (Exception e) when (e is IOException or CryptographicException or UnauthorizedAccessException or ArgumentException)
        {
            error = e.Message;
            return false;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                if (!TryReload(out var error))
                {
                    LogReloadFailed(logger, settings, certPath, error);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Certificate ({Settings}) loaded from {Path}: {Subject}, valid until {NotAfter}")]
    private static partial void LogLoaded(ILogger logger, string settings, string path, string subject, DateTime notAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Certificate ({Settings}) reload from {Path} failed, keeping the previous one: {Error}")]
    private static partial void LogReloadFailed(ILogger logger, string settings, string path, string error);
}
