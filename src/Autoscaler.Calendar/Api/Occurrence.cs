namespace Autoscaler.Calendar.Api;

/// <summary>One window of an event (the first, or a repetition), in UTC.</summary>
/// <param name="StartUtc">Start.</param>
/// <param name="EndUtc">End.</param>
public sealed record Occurrence(DateTimeOffset StartUtc, DateTimeOffset EndUtc);
