namespace Autoscaler.MetricsAdapter.Auth;

/// <summary>The identity a request was authenticated as.</summary>
/// <param name="Name">The user name.</param>
/// <param name="Uid">The user id (may be empty).</param>
/// <param name="Groups">Groups, always including <c>system:authenticated</c>.</param>
/// <param name="Extra">Extra attributes by lower-case key.</param>
internal sealed record AuthenticatedUser(
    string Name,
    string Uid,
    IReadOnlyList<string> Groups,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Extra)
{
    public const string AuthenticatedGroup = "system:authenticated";
    public const string MastersGroup = "system:masters";

    /// <summary>Builds a user, adding <c>system:authenticated</c> when missing (§2.5.1 step 5).</summary>
    public static AuthenticatedUser Create(string name, string uid, IEnumerable<string> groups, IReadOnlyDictionary<string, IReadOnlyList<string>>? extra)
    {
        var list = groups.Where(g => g.Length > 0).ToList();
        if (!list.Contains(AuthenticatedGroup, StringComparer.Ordinal))
        {
            list.Add(AuthenticatedGroup);
        }

        return new AuthenticatedUser(name, uid, list, extra ?? new Dictionary<string, IReadOnlyList<string>>());
    }
}
