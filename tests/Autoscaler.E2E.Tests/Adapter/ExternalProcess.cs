using System.Diagnostics;

namespace Autoscaler.E2E.Tests.Adapter;

/// <summary>Runs a program to completion with a time bound, or keeps a server running until disposed (killed by its own id).</summary>
internal sealed class ExternalProcess : IDisposable
{
    // Servers still running when the test process exits (e.g. a fixture whose setup failed, so xunit never
    // disposed it) are killed here, by their own process ids.
    private static readonly List<Process> Running = [];

    private readonly Process _process;

    static ExternalProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    private ExternalProcess(Process process) => _process = process;

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string file, IEnumerable<string> args, TimeSpan timeout)
    {
        using var process = Start(file, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {timeout}: {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    public static ExternalProcess StartServer(string file, IEnumerable<string> args, string logPath)
    {
        var process = Start(file, args);
        var log = new StreamWriter(logPath) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { lock (log) { log.WriteLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lock (Running)
        {
            Running.Add(process);
        }

        return new ExternalProcess(process);
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The operating-system process id.</summary>
    public int Id => _process.Id;

    public void Dispose()
    {
        lock (Running)
        {
            Running.Remove(_process);
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private static void KillAll()
    {
        lock (Running)
        {
            foreach (var process in Running.Where(p => !p.HasExited))
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static Process Start(string file, IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start " + file);
    }
}
