using System.Text.Json;
using System.Text.Json.Serialization;
using Autoscaler.Simulator.Scenarios;

namespace Autoscaler.Simulator.Parity;

/// <summary>
/// A parity run as recorded against the real kube-controller-manager and kept as a golden file: the HPA,
/// the controller flags, the scripted series, when each value actually reached the adapter, and the real
/// Deployment's replica changes. JSON, camelCase; seconds from the run's start throughout.
/// </summary>
internal sealed record ParityRecording
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The real controller's version, e.g. <c>v1.20.2</c>.</summary>
    public required string ControllerVersion { get; init; }

    /// <summary>UTC instant the run started (informational).</summary>
    public required DateTimeOffset RecordedAt { get; init; }

    public required ParityCase Hpa { get; init; }

    public required ControllerFlags Flags { get; init; }

    /// <summary>The allowance the recording was judged with.</summary>
    public required ParityAllowance Allowance { get; init; }

    /// <summary>How long the run lasted, seconds.</summary>
    public required double DurationSeconds { get; init; }

    /// <summary>The scripted series, as the simulator replays it.</summary>
    public required IReadOnlyList<SeriesPoint> Series { get; init; }

    /// <summary>When each scripted value was accepted by the adapter (for diagnosis; the replay uses <see cref="Series"/>).</summary>
    public required IReadOnlyList<SeriesPoint> Pushed { get; init; }

    /// <summary>The real Deployment's <c>spec.replicas</c> changes.</summary>
    public required IReadOnlyList<ReplicaChange> Real { get; init; }

    /// <summary>
    /// When the real HPA synced: the ends of its reads of the metric in the adapter's request log, seconds
    /// from the start. Null when not recorded.
    /// </summary>
    public IReadOnlyList<double>? RealSyncs { get; init; }

    /// <summary>
    /// The same changes as kube-controller-manager logged them (its SuccessfulRescale events, on its own clock),
    /// when its log was readable; informational: <see cref="Real"/> is what is compared.
    /// </summary>
    public IReadOnlyList<ReplicaChange>? ControllerLogged { get; init; }

    /// <summary>Reads a recording; a file that is not one is an <see cref="InvalidDataException"/> naming the file.</summary>
    /// <param name="path">The JSON file.</param>
    /// <returns>The recording.</returns>
    public static ParityRecording Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<ParityRecording>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path}: the file holds null, not a parity recording");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}:{e.LineNumber + 1}: not a parity recording: {e.Message}", e);
        }
    }

    /// <summary>Writes the recording as indented JSON.</summary>
    /// <param name="path">The file to write (replaced).</param>
    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n");

    /// <summary>
    /// The parity check: replays the values as they landed (<see cref="Pushed"/>) on the real controller's
    /// own sync instants (<see cref="RealSyncs"/>) and compares with <see cref="Real"/>. Measuring the syncs
    /// removes what the model cannot know (the sync phase, the real period's jitter, stalls of the real
    /// controller), so what is left to differ is the decisions. Without recorded syncs, <see cref="JudgeOnGrid"/>.
    /// </summary>
    /// <returns>The verdict.</returns>
    public ParityVerdict Judge() => RealSyncs is null
        ? JudgeOnGrid()
        : TrajectoryComparison.Compare(ParityReplay.Simulate(Hpa, Flags, Pushed, DurationSeconds, RealSyncs), Real, Allowance);

    /// <summary>
    /// The simulator as users run it: <see cref="Series"/> on a fixed grid (a sync at the start and every
    /// period). The replica counts must be the same; the times drift from the real ones by up to a period per
    /// chained rate-limited step (each real step waits for the first sync at least a policy period after the
    /// previous one) and by any stall of the real controller, so they are reported, not bounded.
    /// </summary>
    /// <returns>The verdict; use <see cref="ParityVerdict.SameCounts"/>.</returns>
    public ParityVerdict JudgeOnGrid() =>
        TrajectoryComparison.Compare(ParityReplay.Simulate(Hpa, Flags, Series, DurationSeconds), Real, Allowance);
}
