namespace Autoscaler.Simulator.Cli;

/// <summary>
/// Progress on stderr for a person at a terminal: one line rewritten in place. Disabled (silent) when
/// stderr is redirected, so CI logs and pipes get no carriage-return noise.
/// </summary>
internal sealed class TerminalProgress
{
    private readonly TextWriter? _writer;
    private int _lastPercent = -1;

    private TerminalProgress(TextWriter? writer) => _writer = writer;

    public static TerminalProgress Silent { get; } = new(null);

    /// <summary>Shows progress only when <paramref name="stderr"/> is the process's own, unredirected stderr.</summary>
    public static TerminalProgress For(TextWriter stderr) =>
        ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected ? new TerminalProgress(stderr) : Silent;

    public Action<double>? Reporter(string label)
    {
        if (_writer is null) return null;
        _lastPercent = -1;
        return fraction =>
        {
            var percent = (int)(fraction * 100);
            if (percent == _lastPercent) return;
            _lastPercent = percent;
            _writer.Write($"\r  {label}: {percent,3}%");
            if (percent >= 100) _writer.Write("\r" + new string(' ', label.Length + 10) + "\r");
        };
    }
}
