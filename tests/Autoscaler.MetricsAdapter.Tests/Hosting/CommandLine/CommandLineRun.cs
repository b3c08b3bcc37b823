using Autoscaler.MetricsAdapter.Hosting.CommandLine;

namespace Autoscaler.MetricsAdapter.Tests.Hosting.CommandLine;

/// <summary>Runs the adapter's command line as Program.cs does when it does not serve: exit code, stdout, stderr.</summary>
internal static class CommandLineRun
{
    public static (int Code, string Out, string Err) Of(params string[] args)
    {
        var parsed = AdapterCommandLine.Parse(args);
        Assert.False(parsed.Serves, "these arguments should not start the host");
        var output = new StringWriter();
        var error = new StringWriter();
        var code = parsed.Invoke(output, error);
        return (code, output.ToString(), error.ToString());
    }
}
