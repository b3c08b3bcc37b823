namespace Autoscaler.MetricsAdapter.Sources.Push.Authorization;

/// <summary>Push authorization switched off (<see cref="PushAuthenticationMode.Disabled"/>, or Auto without a cluster): allows every push.</summary>
internal sealed class AllowAnyPushAuthorizer : IPushAuthorizer
{
    public Task<PushAccess> AuthorizeAsync(PushCredentials credentials, string ns, CancellationToken cancellationToken) =>
        Task.FromResult(PushAccess.Allow);
}
