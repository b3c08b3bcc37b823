using System.Security.Cryptography.X509Certificates;

namespace Autoscaler.MetricsAdapter.Tls;

/// <summary>The certificate Kestrel presents right now; swapped atomically on reload so new handshakes use the new one.</summary>
internal sealed class ServingCertificate
{
    private volatile X509Certificate2? _current;

    public X509Certificate2? Current => _current;

    /// <summary>Increments on every swap (tests and logs use it).</summary>
    public int Generation { get; private set; }

    public void Set(X509Certificate2 certificate)
    {
        // The old certificate is not disposed: handshakes in flight may still hold it.
        _current = certificate;
        Generation++;
    }
}
