using System.Globalization;
using Autoscaler.Simulator.Cli;

namespace Autoscaler.Simulator.Tests.Backtest;

/// <summary>The backtest verb end to end through the dispatcher: real files in a temp folder, exit codes, output.</summary>
public sealed class BacktestVerbTests : IDisposable
{
    private static readonly DateTime Start = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly string _dir = Directory.CreateTempSubdirectory("backtest-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void WritesOneRowPerModelOriginAndTargetAndPrintsTheTable()
    {
        var trace = WriteTrace("trace.csv", Daily(days: 4, stepMinutes: 5));
        var output = Path.Combine(_dir, "out", "forecasts.csv");

        var (code, stdout, _) = Run("--trace", trace, "--horizon", "30m", "--step", "1h", "--history", "2d",
            "--models", "auto,persistence,seasonal-naive:1d", "--from", "2024-03-03T00:00:00Z", "--to", "2024-03-03T05:00:00Z", "--out", output);

        Assert.Equal(0, code);
        var rows = File.ReadAllLines(output);
        Assert.Equal("model,origin,target,p50,p90,p10", rows[0]);
        Assert.Equal(1 + (3 * 6 * 6), rows.Length);
        foreach (var row in rows.Skip(1))
        {
            var f = row.Split(',');
            var origin = DateTime.Parse(f[1], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
            var target = DateTime.Parse(f[2], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
            Assert.InRange(target - origin, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30));
            Assert.True(double.Parse(f[4], CultureInfo.InvariantCulture) >= double.Parse(f[3], CultureInfo.InvariantCulture));
        }

        foreach (var header in new[] { "MASE", "sMAPE%", "p90cov%", "pinball", ">p90%", "fit ms/origin" })
        {
            Assert.Contains(header, stdout, StringComparison.Ordinal);
        }

        Assert.Contains("seasonal-naive:1d", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void DataAfterTheOriginDoesNotChangeItsForecast()
    {
        var points = Daily(days: 4, stepMinutes: 5);
        var origin = new DateTime(2024, 3, 3, 12, 0, 0, DateTimeKind.Utc);
        var altered = points.Select(p => p.Time >= origin ? (p.Time, p.Value * 7 + 1000) : p).ToList();
        var first = Path.Combine(_dir, "a.csv");
        var second = Path.Combine(_dir, "b.csv");
        string[] common = ["--horizon", "30m", "--step", "1h", "--history", "2d", "--models", "auto,holt-winters,ssa",
            "--from", "2024-03-03T12:00:00Z", "--to", "2024-03-03T12:00:00Z"];

        Assert.Equal(0, Run([.. common, "--trace", WriteTrace("a-trace.csv", points), "--out", first]).Code);
        Assert.Equal(0, Run([.. common, "--trace", WriteTrace("b-trace.csv", altered), "--out", second]).Code);

        Assert.Equal(File.ReadAllLines(first), File.ReadAllLines(second));
    }

    [Fact]
    public void EventWindowsGetTheirOwnTable()
    {
        var trace = WriteTrace("trace.csv", Daily(days: 4, stepMinutes: 5));
        var events = Write("events.csv", "start_utc,end_utc,kind,expected_multiplier\n2024-03-03T12:00:00Z,2024-03-03T14:00:00Z,sale,3\n");

        var (code, stdout, _) = Run("--trace", trace, "--events", events, "--horizon", "30m", "--step", "1h", "--history", "2d",
            "--models", "auto,auto/no-events", "--from", "2024-03-03T10:00:00Z", "--to", "2024-03-03T14:00:00Z", "--out", Path.Combine(_dir, "o.csv"));

        Assert.Equal(0, code);
        Assert.Contains("inside event windows", stdout, StringComparison.Ordinal);
        Assert.Contains("auto/no-events", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("30m", 6)]
    [InlineData("1h", 12)]
    [InlineData("1h30m", 18)]
    public void HorizonDurationsSetTheTargetsPerOrigin(string horizon, int targets)
    {
        var trace = WriteTrace("trace.csv", Daily(days: 3, stepMinutes: 5));
        var output = Path.Combine(_dir, "h.csv");

        var (code, _, _) = Run("--trace", trace, "--horizon", horizon, "--step", "1d", "--history", "2d", "--models", "persistence", "--out", output);

        Assert.Equal(0, code);
        Assert.Equal(targets, File.ReadAllLines(output).Length - 1);
    }

    [Fact]
    public void BadTraceLineGivesFileAndLineAndExitTwo()
    {
        var trace = Write("bad.csv", "timestamp,value\n2024-03-01T00:00:00Z,1\n2024-03-01T00:05:00Z,lots\n");

        var (code, _, stderr) = Run("--trace", trace, "--horizon", "30m", "--step", "1h", "--out", Path.Combine(_dir, "o.csv"));

        Assert.Equal(VerbDispatcher.BadInput, code);
        Assert.Contains($"{trace}:3: error: field 'value'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void BadEventLineGivesFileAndLineAndExitTwo()
    {
        var trace = WriteTrace("trace.csv", Daily(days: 3, stepMinutes: 5));
        var events = Write("events.csv", "start_utc,end_utc,kind\n2024-03-02T12:00:00Z,noon,sale\n");

        var (code, _, stderr) = Run("--trace", trace, "--events", events, "--horizon", "30m", "--step", "1h", "--out", Path.Combine(_dir, "o.csv"));

        Assert.Equal(VerbDispatcher.BadInput, code);
        Assert.Contains($"{events}:2: error: field 'end_utc'", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--horizon", "30 minutes", "option '--horizon'")]
    [InlineData("--step", "0m", "option '--step'")]
    [InlineData("--models", "auto,prophet", "unknown model 'prophet'")]
    [InlineData("--from", "tomorrow", "option '--from'")]
    [InlineData("--colour", "red", "unknown option '--colour'")]
    public void BadOptionsExitTwoWithAReason(string option, string value, string message)
    {
        var trace = WriteTrace("trace.csv", Daily(days: 3, stepMinutes: 5));
        var args = new Dictionary<string, string>
        {
            ["--trace"] = trace, ["--horizon"] = "30m", ["--step"] = "1h", ["--out"] = Path.Combine(_dir, "o.csv"),
        };
        args[option] = value;

        var (code, _, stderr) = Run(args.SelectMany(kv => new[] { kv.Key, kv.Value }).ToArray());

        Assert.Equal(VerbDispatcher.BadInput, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileAndMissingOptionExitTwo()
    {
        Assert.Equal(VerbDispatcher.BadInput, Run("--trace", Path.Combine(_dir, "none.csv"), "--horizon", "30m", "--step", "1h", "--out", "x.csv").Code);
        var (code, _, stderr) = Run("--horizon", "30m", "--step", "1h", "--out", "x.csv");
        Assert.Equal(VerbDispatcher.BadInput, code);
        Assert.Contains("missing required option '--trace'", stderr, StringComparison.Ordinal);
    }

    private static List<(DateTime Time, double Value)> Daily(int days, int stepMinutes)
    {
        var perDay = 1440 / stepMinutes;
        var random = new Random(9);
        return Enumerable.Range(0, days * perDay)
            .Select(i => (Start.AddMinutes(i * stepMinutes), 500 + (200 * Math.Sin(2 * Math.PI * i / perDay)) + (20 * random.NextDouble())))
            .ToList();
    }

    private string WriteTrace(string name, IEnumerable<(DateTime Time, double Value)> points) =>
        Write(name, "timestamp,value\n" + string.Concat(points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Time:yyyy-MM-ddTHH:mm:ssZ},{p.Value}\n"))));

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = VerbDispatcher.Run(["backtest", .. args], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
