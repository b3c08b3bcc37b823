namespace Autoscaler.Calendar.Api;

/// <summary>Body of approve and reject.</summary>
/// <param name="Comment">Why (required to reject, optional to approve), at most 512 characters.</param>
public sealed record ReviewRequest(string? Comment);
