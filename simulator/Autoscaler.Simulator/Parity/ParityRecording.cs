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
    /// When the real HPA synced: its reads of the metric in the adapter's request log, seconds from the start.
    /// Null when not recorded; then no stall is allowed for.
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

    /// <summary>Replays <see cref="Series"/> through the simulator and compares with <see cref="Real"/>.</summary>
    /// <returns>The verdict.</returns>
    public ParityVerdict Judge() =>
        TrajectoryComparison.Compare(ParityReplay.Simulate(Hpa, Flags, Series, DurationSeconds), Real, Allowance, RealSyncs);
}
