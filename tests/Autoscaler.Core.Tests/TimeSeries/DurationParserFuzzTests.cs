using Autoscaler.Core.TimeSeries;
using Autoscaler.Fuzzing;
using Xunit.Abstractions;

namespace Autoscaler.Core.Tests.TimeSeries;

/// <summary>
/// Hostile durations (issue #15), seeded: the parser behind scenario, ScalingEvent and policy durations returns true
/// with a non-negative duration that round-trips through <see cref="DurationParser.Format"/>, or false with a reason;
/// it never throws.
/// </summary>
public sealed class DurationParserFuzzTests(ITestOutputHelper output)
{
    [Fact]
    public void Seed_0x150901_20000_hostile_durations_parse_or_are_refused_without_throwing()
    {
        var mutator = new SeededMutator(0x15_0901, ["90s", "30m", "1h", "14d", "1w", "1h30m", "500ms", "1.5h", "0s"], ["ms", "s", "m", "h", "d", "w", "99999999999999999999999999999"]);
        var (accepted, refused) = (0, 0);
        FuzzRun.Cases(mutator, 20_000, text =>
        {
            if (!DurationParser.TryParse(text, out var duration, out var error))
            {
                refused++;
                Assert.False(string.IsNullOrWhiteSpace(error));
                return;
            }

            accepted++;
            Assert.True(duration >= TimeSpan.Zero, $"{duration}");
            Assert.True(DurationParser.TryParse(DurationParser.Format(duration), out var again, out _) && again == duration, $"{duration} -> {DurationParser.Format(duration)} -> {again}");
        }, _ => false, output, "durations");
        output.WriteLine($"durations: {accepted} parsed, {refused} refused");
        Assert.True(accepted > 1_000 && refused > 1_000, $"{accepted} parsed, {refused} refused");
    }

    [Theory]
    [InlineData("7922816251426433759354395033w")] // decimal overflow in amount × 604800 (threw OverflowException)
    [InlineData("1h999999999999999999999914d")] // seed 0x150801, case 3785 (a ScalingEvent's spec.leadTime)
    [InlineData("7922816251426433759354395033d")]
    [InlineData("1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w1w9999999999999w")]
    public void Amounts_beyond_decimal_range_once_multiplied_are_too_long_not_an_exception(string text)
    {
        Assert.False(DurationParser.TryParse(text, out _, out var error));
        Assert.Contains("too long a duration", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.000000001m", "0.0001ms")] // seed 0x150901, case 230: 100 ns formatted as "" (not a duration)
    [InlineData("1s500ms", "1s500ms")]
    [InlineData("1.00005s", "1s0.05ms")]
    public void Sub_millisecond_durations_format_as_fractional_milliseconds(string text, string formatted) =>
        Assert.Equal(formatted, DurationParser.Format(DurationParser.Parse(text)));
}
