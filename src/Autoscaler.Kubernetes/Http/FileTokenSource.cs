namespace Autoscaler.Kubernetes.Http;

/// <summary>
/// A token file that the kubelet rewrites as projected service-account tokens rotate: re-read at most
/// once a minute (as client-go does) and immediately after a 401.
/// </summary>
internal sealed class FileTokenSource(string path, TimeProvider time) : ITokenSource
{
    internal static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private readonly Lock _gate = new();
    private string? _token;
    private long _readAt;

    public string? GetToken()
    {
        lock (_gate)
        {
            if (_token is null || time.GetElapsedTime(_readAt) >= MaxAge)
            {
                _token = File.ReadAllText(path).Trim();
                _readAt = time.GetTimestamp();
            }

            return _token;
        }
    }

    public bool Invalidate()
    {
        lock (_gate)
        {
            _token = null;
            return true;
        }
    }
}
