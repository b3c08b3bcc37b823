namespace Autoscaler.Calendar.Auth;

/// <summary>Asks Kubernetes RBAC whether a user may do something (a SubjectAccessReview).</summary>
public interface IAccessReview
{
    /// <summary>True when <paramref name="user"/> may <paramref name="verb"/> scalingevents in <paramref name="ns"/>.</summary>
    /// <param name="user">The caller.</param>
    /// <param name="verb">list, create, update or approve.</param>
    /// <param name="ns">Namespace.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <exception cref="Cluster.ClusterException">The review itself failed (the caller is then refused).</exception>
    Task<bool> AllowedAsync(CalendarUser user, string verb, string ns, CancellationToken cancellationToken);
}
