using System.Text.RegularExpressions;
using Autoscaler.Fuzzing;
using Autoscaler.Simulator.Cli;
using Autoscaler.Simulator.Tests.Fuzz;
using Xunit.Abstractions;

namespace Autoscaler.Simulator.Tests.Cli;

/// <summary>
/// Hostile input files through the CLI entry point, in process (issue #15), seeded: <c>replay</c> and <c>compare</c>
/// (and <c>backtest</c>) with one mutated file each (trace CSV or JSON, scenario, events, HPA manifest, ScaledObject, workload) exit 0, or exit 2 with
/// every stderr line naming the file (and line/field where there is one); never an unhandled exception or exit 1.
/// </summary>
public sealed partial class CliFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Seed = 0x15_0601;
    private const int Runs = 160;
    private readonly string _dir = TestScenarios.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Seed_0x150601_160_hostile_files_through_the_cli_exit_0_or_2_with_a_message_naming_the_file()
    {
        var scenarios = SimulatorCorpus.Scenarios().Where(s => !s.Contains("events:", StringComparison.Ordinal)).ToArray();
        var withEvents = "name: ev\nworkload: { capacityPerPod: 100, startupSeconds: 60, initialReplicas: 2 }\nhpa:\n  minReplicas: 1\n  maxReplicas: 20\n  metric: { type: External, target: { averageValue: 80 } }\nprescale: { events: events.csv, forecaster: none }\n";
        var kinds = new[] { "trace", "json", "scenario", "events", "hpa", "keda", "workload", "backtest" };
        var mutators = new Dictionary<string, SeededMutator>
        {
            ["trace"] = new(Seed, SimulatorCorpus.TraceCsv),
            ["json"] = new(Seed + 1, SimulatorCorpus.QueryRangeJson),
            ["scenario"] = new(Seed + 2, scenarios),
            ["events"] = new(Seed + 3, SimulatorCorpus.EventsCsv),
            ["hpa"] = new(Seed + 4, [SimulatorCorpus.Hpa]),
            ["keda"] = new(Seed + 5, [SimulatorCorpus.ScaledObject]),
            ["workload"] = new(Seed + 6, [SimulatorCorpus.Workload]),
            ["backtest"] = new(Seed + 7, SimulatorCorpus.TraceCsv),
        };
        var exits = new Dictionary<int, int>();
        for (var i = 0; i < Runs; i++)
        {
            var kind = kinds[i % kinds.Length];
            var text = mutators[kind].Next();
            var dir = Directory.CreateDirectory(Path.Combine(_dir, $"case{i}")).FullName;
            string File(string name, string content)
            {
                var path = Path.Combine(dir, name);
                System.IO.File.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(content));
                return path;
            }

            var trace = kind switch
            {
                "trace" or "backtest" => File("trace.csv", text),
                "json" => File("trace.json", text),
                _ => File("trace.csv", SimulatorCorpus.TraceCsv[0]),
            };
            var source = kind switch
            {
                "scenario" => ["--scenario", File("scenario.yaml", text)],
                "events" => ["--scenario", File("scenario.yaml", withEvents), .. Array.Empty<string>()],
                "hpa" => ["--hpa", File("hpa.yaml", text), "--workload", File("workload.yaml", SimulatorCorpus.Workload)],
                "keda" => ["--keda", File("so.yaml", text), "--workload", File("workload.yaml", SimulatorCorpus.Workload)],
                "workload" => ["--hpa", File("hpa.yaml", SimulatorCorpus.Hpa), "--workload", File("workload.yaml", text)],
                _ => new[] { "--scenario", File("scenario.yaml", scenarios[i % scenarios.Length]) },
            };
            if (kind == "events") File("events.csv", text);
            string[] args = kind == "backtest"
                ? ["backtest", "--trace", trace, "--history", "2m", "--horizon", "2m", "--step", "1m", "--out", Path.Combine(dir, "out", "forecasts.csv")]
                : [i % 2 == 0 ? "replay" : "compare", "--trace", trace, .. source, "--out", Path.Combine(dir, "out")];

            int exit;
            string stderr;
            try
            {
                (exit, _, stderr) = Replay.VerbRunner.Run(args);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"seed 0x{Seed:x}, run {i} ({kind}): \"{SeededMutator.Show(text)}\" escaped the CLI as {e}");
            }

            exits[exit] = exits.GetValueOrDefault(exit) + 1;
            var context = $"seed 0x{Seed:x}, run {i} ({kind}): \"{SeededMutator.Show(text)}\" exited {exit} with stderr:\n{stderr}";
            Assert.True(exit is 0 or VerbDispatcher.BadInput, context);
            if (exit == VerbDispatcher.BadInput)
            {
                Assert.False(Directory.Exists(Path.Combine(dir, "out")), "nothing is written on bad input: " + context);
                var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith("Run '", StringComparison.Ordinal)).ToList();
                Assert.NotEmpty(lines);
                Assert.All(lines, l => Assert.True((kind == "backtest" ? BacktestLine() : ErrorLine()).IsMatch(l), $"not a 'file[:line]: error: ...' line: '{l}'\n{context}"));
            }
        }

        output.WriteLine($"cli: seed 0x{Seed:x}, {Runs} runs: " + string.Join(", ", exits.OrderBy(kv => kv.Key).Select(kv => $"exit {kv.Key} x{kv.Value}")));
        Assert.True(exits.GetValueOrDefault(0) > 0 && exits.GetValueOrDefault(2) > Runs / 4, "both outcomes must be reached");
    }

    // "path:12: error: field 'hpa.x': ..." or "path: error: ..." (a whole-file problem), the file being one we wrote.
    [GeneratedRegex(@"^(/|command line)[^\n]*?(:\d+)?: error: .+")]
    private static partial Regex ErrorLine();

    // backtest also reports "path: no origin between ..." and "path: warning: ..." (diagnostics) naming the trace.
    [GeneratedRegex(@"^/[^\n]*?trace\.csv(:\d+)?: .+")]
    private static partial Regex BacktestLine();
}
