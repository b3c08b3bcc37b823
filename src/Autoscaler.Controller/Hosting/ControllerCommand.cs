using System.CommandLine;
using System.Globalization;
using Autoscaler.Core.TimeSeries;

namespace Autoscaler.Controller.Hosting;

/// <summary>
/// The command line of <c>autoscaler-controller</c> (System.CommandLine): every flag maps to <see cref="ControllerOptions"/>.
/// Bad flags and values are reported all at once (parse errors, then <see cref="ControllerOptionsValidator"/>'s) with
/// exit code 2 and a one-line hint, without the help; a flag not given keeps <see cref="ControllerOptions"/>' default.
/// </summary>
public static class ControllerCommand
{
    /// <summary>The documented command name (the image's entrypoint), shown in the usage line.</summary>
    public const string CommandName = "autoscaler-controller";

    /// <summary>Exit code for bad flags or values.</summary>
    public const int UsageExitCode = 2;

    private const string Description =
        """
        autoscaler-controller: raises HPA replica floors before ScalingEvents and forecast peaks.

        Watches ScalingEvents and PredictivePolicies (autoscaling.autoscaler.dev/v1alpha1), HPAs (autoscaling/v2, or
        v2beta2 on clusters before 1.23) and pods; every --sync-period the leader plans each HPA's floor with the Core
        pre-scale planner and applies it as spec.minReplicas (server-side apply, field manager autoscaler-prescale),
        keeping the owner's value in an annotation and restoring it when the floor ends. Run two replicas: one leads
        (Lease), the other waits with warm caches. Install: kubectl apply -f manifests/crds -f manifests/controller.
        Example (outside a cluster; 127.0.0.1 keeps the approval endpoint off the host's network):
          autoscaler-controller --kubeconfig ~/.kube/config --namespace shop --no-leader-election --http-address 127.0.0.1
        Forecasts need history: --prometheus-url (or the policy's own url) or --adapter-url; without it only events
        with absoluteFloor raise a floor, and a policy says NoHistory in its HistoryAvailable condition.
        Durations are written 500ms, 30s, 5m, 1h30m. Bad values are reported all at once and the process exits 2.
        Docs: docs/controller.md.
        """;

    /// <summary>Builds the root command; its action validates, then runs the controller until SIGTERM.</summary>
    public static RootCommand Create() => Create(new ControllerFlags());

    private static RootCommand Create(ControllerFlags flags)
    {
        var root = new RootCommand(Description) { HelpName = CommandName };
        foreach (var option in flags.All)
        {
            root.Add(option);
        }

        root.SetAction(async (result, cancellationToken) =>
        {
            var options = flags.ToOptions(result);
            if (Report(ControllerOptionsValidator.Validate(options), result.InvocationConfiguration.Error) is { } code)
            {
                return code;
            }

            await using var app = await ControllerHost.BuildAsync(options, cancellationToken).ConfigureAwait(false);
            await app.RunAsync(cancellationToken).ConfigureAwait(false);
            return 0;
        });
        return root;
    }

    /// <summary>
    /// Parses <paramref name="args"/> and runs it: help and version as the library does; bad flags or values print
    /// every error and the hint to <paramref name="error"/> and return 2; otherwise the controller runs.
    /// </summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(error);
        var flags = new ControllerFlags();
        var result = Create(flags).Parse(args);
        if (result.Action is not { ClearsParseErrors: true })
        {
            var errors = ControllerParseErrors.Collect(result);
            if (errors.Count > 0)
            {
                var options = flags.ToOptions(result);
                var flagged = errors.Select(FlagOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
                var invalid = ControllerOptionsValidator.Validate(options).Where(v => FlagOf(v) is not { } f || !flagged.Contains(f));
                return Report([.. errors, .. invalid], error)!.Value;
            }
        }

        return await result.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken).ConfigureAwait(false);
    }

    private static int? Report(IReadOnlyList<string> errors, TextWriter error)
    {
        if (errors.Count == 0)
        {
            return null;
        }

        foreach (var message in errors)
        {
            error.WriteLine("error: " + message);
        }

        error.WriteLine($"Run '{CommandName} --help' for usage.");
        return UsageExitCode;
    }

    // "--flag: ..." or "--flag must ..." names --flag; other messages name none.
    private static string? FlagOf(string message) =>
        message.StartsWith("--", StringComparison.Ordinal) ? message.Split(':', ' ')[0] : null;

    /// <summary>A duration flag in Core's notation; its default is stated once, in that notation.</summary>
    internal static Option<TimeSpan> Duration(string name, TimeSpan fallback, string description) => new(name)
    {
        Description = $"{description} Default: {DurationParser.Format(fallback)}.",
        HelpName = "DURATION",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (DurationParser.TryParse(text, out var value, out var error))
            {
                return value;
            }

            result.AddError($"{name}: {error}");
            return fallback;
        },
    };

    /// <summary>A whole-number flag (no sign, no separators).</summary>
    internal static Option<int> Whole(string name, string hint, string description) => new(name)
    {
        Description = description,
        HelpName = hint,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            result.AddError($"{name}: '{text}' is not a whole number");
            return 0;
        },
    };
}
