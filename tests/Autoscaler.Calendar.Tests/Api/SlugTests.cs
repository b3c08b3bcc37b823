using Autoscaler.Calendar.Api;

namespace Autoscaler.Calendar.Tests.Api;

public sealed class SlugTests
{
    [Theory]
    [InlineData("Spring sale!", "spring-sale")]
    [InlineData("  Été / Noël 2026 ", "t-no-l-2026")]
    [InlineData("!!!", "event")]
    public void Titles_become_dns_label_prefixes(string title, string slug) => Assert.Equal(slug, EventsEndpoints.Slug(title));

    [Fact]
    public void Long_titles_are_cut_to_40_characters() => Assert.True(EventsEndpoints.Slug(new string('a', 100)).Length <= 40);
}
