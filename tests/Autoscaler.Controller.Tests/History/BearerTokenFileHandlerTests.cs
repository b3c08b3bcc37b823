using System.Net;
using Autoscaler.Controller.History;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Controller.Tests.History;

public sealed class BearerTokenFileHandlerTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task The_token_file_is_sent_as_bearer_and_re_read_once_a_minute()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
        var seen = new List<string?>();
        var inner = new PrometheusHistoryTests.Scripted(r =>
        {
            seen.Add(r.Headers.Authorization?.ToString());
            return (HttpStatusCode.OK, "{}");
        });
        File.WriteAllText(_file, "first\n");
        using var http = new HttpClient(new BearerTokenFileHandler(_file, time, inner));

        await http.GetAsync(new Uri("https://adapter/"));
        File.WriteAllText(_file, "second");
        await http.GetAsync(new Uri("https://adapter/"));
        time.Advance(BearerTokenFileHandler.RefreshEvery);
        await http.GetAsync(new Uri("https://adapter/"));
        File.Delete(_file);
        time.Advance(BearerTokenFileHandler.RefreshEvery);
        await http.GetAsync(new Uri("https://adapter/"));

        Assert.Equal(["Bearer first", "Bearer first", "Bearer second", "Bearer second"], seen);
    }
}
