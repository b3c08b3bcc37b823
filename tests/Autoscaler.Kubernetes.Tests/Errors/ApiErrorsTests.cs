using System.Net;
using Autoscaler.Kubernetes.Errors;

namespace Autoscaler.Kubernetes.Tests.Errors;

public sealed class ApiErrorsTests
{
    private const string ConflictBody = """
        {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Operation cannot be fulfilled on configmaps \"x\": the object has been modified; please apply your changes to the latest version and try again","reason":"Conflict","details":{"name":"x","kind":"configmaps"},"code":409}
        """;

    [Fact]
    public void Stale_write_409_is_a_typed_conflict_carrying_reason_and_message()
    {
        var e = ApiErrors.FromResponse("PUT", "/api/v1/namespaces/a/configmaps/x", HttpStatusCode.Conflict, ConflictBody);
        var conflict = Assert.IsType<KubernetesConflictException>(e);
        Assert.Equal("Conflict", conflict.Reason);
        Assert.Empty(conflict.FieldConflicts);
        Assert.StartsWith("PUT /api/v1/namespaces/a/configmaps/x: 409 Conflict: Operation cannot be fulfilled", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_conflict_lists_the_field_manager_conflicts()
    {
        const string body = """
            {"kind":"Status","apiVersion":"v1","status":"Failure","message":"Apply failed with 1 conflict","reason":"Conflict","code":409,
             "details":{"causes":[{"reason":"FieldManagerConflict","message":"conflict with \"manager-a\"","field":".data.k"}]}}
            """;
        var conflict = Assert.IsType<KubernetesConflictException>(ApiErrors.FromResponse("PATCH", "/p", HttpStatusCode.Conflict, body));
        var cause = Assert.Single(conflict.FieldConflicts);
        Assert.Equal(".data.k", cause.Field);
    }

    [Fact]
    public void AlreadyExists_is_not_a_conflict()
    {
        const string body = """{"kind":"Status","apiVersion":"v1","status":"Failure","message":"configmaps \"x\" already exists","reason":"AlreadyExists","code":409}""";
        var e = ApiErrors.FromResponse("POST", "/p", HttpStatusCode.Conflict, body);
        Assert.IsNotType<KubernetesConflictException>(e);
        Assert.True(e.IsAlreadyExists);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, """{"kind":"Status","reason":"NotFound","message":"pods \"p\" not found","code":404}""", "404 NotFound: pods \"p\" not found")]
    [InlineData(HttpStatusCode.Gone, """{"kind":"Status","reason":"Expired","message":"too old resource version: 1 (5)","code":410}""", "410 Expired: too old resource version")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "upstream connect error", "503 ServiceUnavailable: upstream connect error")]
    [InlineData(HttpStatusCode.BadGateway, "{not json", "502: {not json")]
    [InlineData(HttpStatusCode.TooManyRequests, "Too many requests, please try again later.\n", "429 TooManyRequests: Too many requests")]
    public void Any_body_becomes_a_readable_message(HttpStatusCode code, string body, string expected)
    {
        var e = ApiErrors.FromResponse("GET", "/x", code, body);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.Equal(code == HttpStatusCode.NotFound, e.IsNotFound);
        Assert.Equal(code == HttpStatusCode.Gone, e.IsExpired);
        Assert.Equal((int)code, e.Status!.Code);
    }
}
