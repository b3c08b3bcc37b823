using Autoscaler.MetricsAdapter.Auth;
using Autoscaler.MetricsAdapter.Sources.Push.Authorization;
using Autoscaler.MetricsAdapter.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Autoscaler.MetricsAdapter.Tests.Sources.Push.Authorization;

public sealed class KubernetesPushAuthorizerTests
{
    private static readonly AuthenticatedUser Pusher = AuthenticatedUser.Create("system:serviceaccount:team-a:pusher", "u1", ["system:serviceaccounts"], null);
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly FakeReviewers _reviewers = new();
    private readonly StaticTrustSource _trust;
    private readonly KubernetesPushAuthorizer _authorizer;

    public KubernetesPushAuthorizerTests()
    {
        var certs = TestCertificates.Instance;
        _trust = new StaticTrustSource(new RequestHeaderTrust(
            [certs.Ca], ["front-proxy-client"], RequestHeaderTrust.DefaultUsernameHeaders, RequestHeaderTrust.DefaultGroupHeaders,
            RequestHeaderTrust.DefaultExtraPrefixes, ["X-Remote-Uid"], [certs.OtherCa], 1));
        var options = new AuthOptions();
        _reviewers.Tokens["good"] = Pusher;
        _reviewers.Decide = (user, a) => user.Name == Pusher.Name && a.Namespace == "team-a";
        _authorizer = new KubernetesPushAuthorizer(
            new TokenAuthenticator(_reviewers, options, _clock),
            new RequestHeaderAuthenticator(new ClientCertificateVerifier(_clock)),
            _trust,
            new DelegatingAuthorizer(_reviewers, options, _clock),
            NullLogger<KubernetesPushAuthorizer>.Instance);
    }

    [Fact]
    public async Task No_credentials_are_unauthenticated_without_any_review()
    {
        var access = await _authorizer.AuthorizeAsync(new PushCredentials(null, null), "team-a", default);

        Assert.Equal(PushAccessOutcome.Unauthenticated, access.Outcome);
        Assert.Contains("bearer token", access.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0), (_reviewers.TokenCalls, _reviewers.AccessCalls));
    }

    [Fact]
    public async Task A_token_the_apiserver_rejects_is_unauthenticated()
    {
        var access = await _authorizer.AuthorizeAsync(new PushCredentials("Bearer forged", null), "team-a", default);

        Assert.Equal(PushAccessOutcome.Unauthenticated, access.Outcome);
        Assert.Contains("invalid token", access.Message, StringComparison.Ordinal);
        Assert.Equal(0, _reviewers.AccessCalls);
    }

    [Fact]
    public async Task An_allowed_token_is_reviewed_as_create_pushedmetrics_in_the_namespace()
    {
        var access = await _authorizer.AuthorizeAsync(new PushCredentials("Bearer good", null), "team-a", default);

        Assert.True(access.Allowed);
        var review = Assert.Single(_reviewers.Reviewed);
        Assert.Equal(("create", "metrics.autoscaler.dev", "pushedmetrics", "team-a", true),
            (review.Verb, review.Group, review.Resource, review.Namespace, review.IsResourceRequest));
    }

    [Fact]
    public async Task Another_namespace_is_permission_denied_with_the_apiserver_style_message()
    {
        var access = await _authorizer.AuthorizeAsync(new PushCredentials("Bearer good", null), "team-b", default);

        Assert.Equal(PushAccessOutcome.Denied, access.Outcome);
        Assert.Equal(
            "pushedmetrics.metrics.autoscaler.dev is forbidden: User \"system:serviceaccount:team-a:pusher\" cannot create resource " +
            "\"pushedmetrics\" in API group \"metrics.autoscaler.dev\" in the namespace \"team-b\": no RBAC policy matched",
            access.Message);
    }

    [Fact]
    public async Task Decisions_are_cached_until_their_ttl_passes()
    {
        var credentials = new PushCredentials("Bearer good", null);
        await _authorizer.AuthorizeAsync(credentials, "team-a", default);
        await _authorizer.AuthorizeAsync(credentials, "team-a", default);
        await _authorizer.AuthorizeAsync(credentials, "team-b", default);
        await _authorizer.AuthorizeAsync(credentials, "team-b", default);
        Assert.Equal((1, 2), (_reviewers.TokenCalls, _reviewers.AccessCalls));

        _clock.Advance(TimeSpan.FromSeconds(11));
        await _authorizer.AuthorizeAsync(credentials, "team-a", default);

        Assert.Equal((2, 3), (_reviewers.TokenCalls, _reviewers.AccessCalls));
    }

    [Fact]
    public async Task A_failed_review_is_unavailable_never_an_allow()
    {
        _reviewers.Fail = true;

        var access = await _authorizer.AuthorizeAsync(new PushCredentials("Bearer good", null), "team-a", default);

        Assert.Equal(PushAccessOutcome.Unavailable, access.Outcome);
    }

    [Fact]
    public async Task A_client_certificate_from_the_client_ca_authenticates_as_its_common_name()
    {
        _reviewers.Decide = (user, a) => user.Name == "alice" && a.Namespace == "team-a";

        var allowed = await _authorizer.AuthorizeAsync(new PushCredentials(null, TestCertificates.Instance.OrdinaryClient), "team-a", default);
        var denied = await _authorizer.AuthorizeAsync(new PushCredentials(null, TestCertificates.Instance.OrdinaryClient), "team-b", default);

        Assert.True(allowed.Allowed, allowed.Message);
        Assert.Equal(PushAccessOutcome.Denied, denied.Outcome);
        Assert.Equal(0, _reviewers.TokenCalls);
    }

    [Fact]
    public async Task A_certificate_from_an_unknown_ca_without_a_token_is_unauthenticated()
    {
        var access = await _authorizer.AuthorizeAsync(new PushCredentials(null, TestCertificates.Instance.Stranger), "team-a", default);

        Assert.Equal(PushAccessOutcome.Unauthenticated, access.Outcome);
        Assert.Contains("client CA", access.Message, StringComparison.Ordinal);
        Assert.Equal(0, _reviewers.AccessCalls);
    }
}
