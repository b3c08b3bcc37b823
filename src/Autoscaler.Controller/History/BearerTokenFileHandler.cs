using System.Net.Http.Headers;

namespace Autoscaler.Controller.History;

/// <summary>
/// Sends the content of a token file as <c>Authorization: Bearer</c>, re-reading the file every
/// <see cref="RefreshEvery"/> (a projected service-account token is rotated by the kubelet). An unreadable file keeps
/// the last token and is tried again on the next request.
/// </summary>
public sealed class BearerTokenFileHandler : DelegatingHandler
{
    /// <summary>How long a read token is reused.</summary>
    public static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(1);

    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private string? _token;
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    /// <summary>Creates the handler.</summary>
    /// <param name="path">The token file.</param>
    /// <param name="time">Clock deciding when to re-read.</param>
    /// <param name="inner">The next handler.</param>
    public BearerTokenFileHandler(string path, TimeProvider time, HttpMessageHandler inner)
        : base(inner)
    {
        _path = path;
        _time = time;
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Token() is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return base.SendAsync(request, cancellationToken);
    }

    private string? Token()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_token is null || now - _readAt >= RefreshEvery)
            {
                try
                {
                    _token = File.ReadAllText(_path).Trim();
                    _readAt = now;
                }
                catch (IOException)
                {
                    // Keep the last token; the next request tries again.
                }
                catch (UnauthorizedAccessException)
                {
                    // Same.
                }
            }

            return _token;
        }
    }
}
