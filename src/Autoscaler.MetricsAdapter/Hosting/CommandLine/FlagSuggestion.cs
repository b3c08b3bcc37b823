using System.CommandLine;
using Autoscaler.Shared.Text;

namespace Autoscaler.MetricsAdapter.Hosting.CommandLine;

/// <summary>The flag an operator most likely meant by an unknown one: the closest name within two edits.</summary>
internal static class FlagSuggestion
{
    /// <summary>The nearest option name of <paramref name="command"/> to <paramref name="unknown"/>, or null when none is within two edits.</summary>
    public static string? For(string unknown, Command command) =>
        NameSuggestion.Within(unknown, command.Options.Select(o => o.Name), maxEdits: 2);
}
