using Autoscaler.Simulator.Cli;
using Microsoft.Extensions.Time.Testing;

namespace Autoscaler.Simulator.Tests.Cli;

/// <summary>The counted progress line long backtests show at a terminal: counts, elapsed and time left, throttled, cleared at the end.</summary>
public sealed class TerminalProgressTests
{
    [Fact]
    public void ShowsDoneTotalElapsedAndTimeLeftAtMostOncePerInterval()
    {
        var time = new FakeTimeProvider();
        var writer = new StringWriter();
        var report = TerminalProgress.To(writer).Counter("backtest 3 model(s)", 100, "origins", time)!;

        report(0);
        time.Advance(TimeSpan.FromSeconds(10));
        report(10);
        time.Advance(TimeSpan.FromMilliseconds(500));
        report(11); // within the interval: not rewritten
        time.Advance(TimeSpan.FromSeconds(9.5));
        report(20);
        report(100);

        var lines = writer.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd()).ToList();
        Assert.Equal("backtest 3 model(s): 0/100 origins (0%), 0s elapsed, time left unknown", lines[0].Trim());
        Assert.Equal("backtest 3 model(s): 10/100 origins (10%), 10s elapsed, about 1m30s left", lines[1].Trim());
        Assert.Equal("backtest 3 model(s): 20/100 origins (20%), 20s elapsed, about 1m20s left", lines[2].Trim());
        Assert.DoesNotContain(lines, l => l.Contains("11/100", StringComparison.Ordinal));
        Assert.EndsWith("\r", writer.ToString(), StringComparison.Ordinal); // the line is cleared when done
        Assert.Equal(string.Empty, lines[^1].Trim());
    }

    [Fact]
    public void IsSilentForARedirectedWriterAndWithQuiet()
    {
        Assert.Null(TerminalProgress.For(new StringWriter()).Counter("x", 10, "origins", new FakeTimeProvider()));
        Assert.Null(TerminalProgress.For(Console.Error, quiet: true).Counter("x", 10, "origins", new FakeTimeProvider()));
        Assert.Null(TerminalProgress.For(Console.Error, quiet: true).Reporter("x"));
    }
}
