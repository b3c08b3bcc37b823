namespace Autoscaler.Kubernetes.Entities.Mapping;

/// <summary>A spec problem the CRD schema cannot catch, reported as a Valid=False condition and a Warning Event.</summary>
/// <param name="Reason">CamelCase reason (UnknownHpa, UnknownTimeZone, EndNotAfterStart, LocalTimeInDstGap, InvalidTime ...).</param>
/// <param name="Field">The spec field at fault (spec.end, spec.targets.hpaNames[1] ...).</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record InputProblem(string Reason, string Field, string Message)
{
    /// <summary>"field: message".</summary>
    public override string ToString() => $"{Field}: {Message}";
}
