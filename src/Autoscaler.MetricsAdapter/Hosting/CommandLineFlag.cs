namespace Autoscaler.MetricsAdapter.Hosting;

/// <summary>One command-line flag: its name, value hint, help text, and how it sets the options (null value for switches).</summary>
internal sealed record CommandLineFlag(string Name, string? ValueHint, string Help, Func<AdapterOptions, string?, string?> Apply)
{
    public bool IsSwitch => ValueHint is null;
}
