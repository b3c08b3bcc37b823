namespace Autoscaler.MetricsAdapter.Auth;

/// <summary>What one authenticator concluded: not applicable, failed (presented credentials were bad), or a user.</summary>
internal readonly record struct AuthenticationResult(AuthenticatedUser? User, string? Failure)
{
    public static AuthenticationResult NotApplicable => default;

    public bool Succeeded => User is not null;

    public bool Failed => Failure is not null;

    public static AuthenticationResult Success(AuthenticatedUser user) => new(user, null);

    public static AuthenticationResult Fail(string reason) => new(null, reason);
}
