using Autoscaler.Kubernetes.Entities;

namespace Autoscaler.Controller.Reconciling;

/// <summary>Builds condition lists that keep lastTransitionTime unless the status flips.</summary>
public static class Conditions
{
    /// <summary>Returns <paramref name="type"/> with the given status, carrying the previous transition time when the status is unchanged.</summary>
    /// <param name="previous">The conditions as stored.</param>
    /// <param name="type">Condition type.</param>
    /// <param name="status">True or False.</param>
    /// <param name="reason">CamelCase reason.</param>
    /// <param name="message">Detail.</param>
    /// <param name="generation">metadata.generation observed.</param>
    /// <param name="now">Now (UTC).</param>
    public static ResourceCondition Make(
        IEnumerable<ResourceCondition>? previous, string type, bool status, string reason, string message, long? generation, DateTimeOffset now) =>
        Make(previous, type, status ? "True" : "False", reason, message, generation, now);

    /// <summary>Returns <paramref name="type"/> with status Unknown: the controller did not check it (the resource does not run).</summary>
    /// <param name="previous">The conditions as stored.</param>
    /// <param name="type">Condition type.</param>
    /// <param name="reason">CamelCase reason.</param>
    /// <param name="message">Why it is unknown.</param>
    /// <param name="generation">metadata.generation observed.</param>
    /// <param name="now">Now (UTC).</param>
    public static ResourceCondition Unknown(IEnumerable<ResourceCondition>? previous, string type, string reason, string message, long? generation, DateTimeOffset now) =>
        Make(previous, type, "Unknown", reason, message, generation, now);

    private static ResourceCondition Make(
        IEnumerable<ResourceCondition>? previous, string type, string text, string reason, string message, long? generation, DateTimeOffset now)
    {
        var old = previous?.FirstOrDefault(c => c.Type == type);
        return new ResourceCondition
        {
            Type = type,
            Status = text,
            Reason = reason,
            Message = message,
            ObservedGeneration = generation,
            LastTransitionTime = old is not null && old.Status == text && old.LastTransitionTime is { } t ? t : now.UtcDateTime,
        };
    }
}
