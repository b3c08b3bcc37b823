using Autoscaler.Calendar.Auth;

namespace Autoscaler.Calendar.Tests.Fakes;

/// <summary>RBAC stand-in: a set of (user, verb, namespace) grants; the token reviewer knows a fixed token table.</summary>
public sealed class FakeRbac : IAccessReview, ITokenReviewer
{
    private readonly HashSet<(string, string, string)> _grants = [];

    public Dictionary<string, CalendarUser> Tokens { get; } = [];

    public List<(string User, string Verb, string Ns)> Reviews { get; } = [];

    public FakeRbac Grant(string user, string ns, params string[] verbs)
    {
        foreach (var v in verbs) _grants.Add((user, v, ns));
        return this;
    }

    public Task<bool> AllowedAsync(CalendarUser user, string verb, string ns, CancellationToken cancellationToken)
    {
        lock (Reviews) Reviews.Add((user.Name, verb, ns));
        return Task.FromResult(_grants.Contains((user.Name, verb, ns)));
    }

    public Task<CalendarUser?> ReviewAsync(string token, CancellationToken cancellationToken) =>
        Task.FromResult(Tokens.TryGetValue(token, out var u) ? u : null);
}
