using Autoscaler.Core.TimeSeries;

namespace Autoscaler.Benchmarks.Simulator;

/// <summary>
/// 62 days of real 1-minute demand: the bundled World Cup 1998 trace (57 days), continued by its own first
/// days so the length matches the yardstick (62 × 1,440 minutes → 357,120 syncs at 15 s).
/// </summary>
internal static class BenchmarkTrace
{
    public const int Days = 62;

    public static Series Load()
    {
        var path = Path.Combine(RepoRoot(), "simulator", "traces", "wc98_http_requests_1min_until_0627.csv");
        using var reader = File.OpenText(path);
        var parsed = TraceCsvParser.Parse(reader, path);
        var source = parsed.Assembled?.Series ?? throw new InvalidOperationException(string.Join("; ", parsed.Errors));
        var minutes = Days * 24 * 60;
        var times = new DateTime[minutes];
        var values = new double[minutes];
        for (var i = 0; i < minutes; i++)
        {
            times[i] = source.Start.AddMinutes(i);
            values[i] = source.Values[i % source.Count];
        }

        return Series.Create(times, values);
    }

    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Autoscaler.sln"))) dir = dir.Parent;
        if (dir is not null) return dir.FullName;
        dir = new DirectoryInfo(Environment.CurrentDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Autoscaler.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository: Autoscaler.sln not found.");
    }
}
