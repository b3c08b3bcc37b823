using System.Globalization;
using Autoscaler.Core.Quantities;
using Autoscaler.Fuzzing;
using Xunit.Abstractions;

namespace Autoscaler.Core.Tests.Quantities;

/// <summary>
/// Hostile Kubernetes quantities (issue #15), seeded: the parser used by the simulator's scenarios, HPA manifests and
/// KEDA triggers and by the HPA algorithm's targets either parses (and the canonical form is a fixed point) or refuses
/// with <see cref="QuantityFormatException"/> and a message; <c>MilliValue()</c> either fits or throws its documented
/// <see cref="OverflowException"/>. Named cases below are the issue's examples and every input the fuzzer broke.
/// </summary>
public sealed class QuantityFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 0x15_0101;
    private const int Iterations = 30_000;

    private static readonly string[] Corpus =
    [
        "0", "1", "-1", "+3", "1.5", "0.5", ".5", "5.", "500m", "1.5k", "2Gi", "1536Mi", "1e3", "1E3", "1.5e-3", "12e2", "-0.1n", "0.000000001",
        "9223372036854775807", "1Ei", "1000E", "123456789.123456789", "7T", "3G", "5P", "250u", "1n", "100Ki", "0Ki", "0e5",
    ];

    private static readonly string[] Suffixes = ["n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "e", "E-", "e+", "e300", "e-300", "e301", "KiB", "K"];

    [Fact]
    public void Seed_0x150101_30000_hostile_quantities_parse_to_a_fixed_point_or_are_refused_with_QuantityFormatException()
    {
        var mutator = new SeededMutator(Seed, Corpus, Suffixes) { MaxLength = 1_100 };
        var (accepted, refused) = FuzzRun.Cases(mutator, Iterations, text =>
        {
            if (!Quantity.TryParse(text, out var quantity, out var error))
            {
                Assert.Throws<QuantityFormatException>(() => Quantity.Parse(text));
                throw new QuantityFormatException(error);
            }

            var canonical = quantity.ToString();
            var again = Quantity.Parse(canonical);
            Assert.True(again == quantity && again.ToString() == canonical, $"canonical '{canonical}' is not a fixed point");
            try
            {
                var milli = quantity.MilliValue();
                Assert.Equal(milli, Quantity.Parse(canonical).MilliValue());
            }
            catch (OverflowException)
            {
                // documented: the milli-value does not fit in 64 bits (the simulator reports it as 'too large').
            }
        }, e => e is QuantityFormatException, output, "quantity");

        Assert.True(accepted > Iterations / 20 && refused > Iterations / 20, $"{accepted} accepted, {refused} refused: the corpus or the mutations no longer reach both outcomes");
    }

    [Fact]
    public void Seed_0x150102_20000_hostile_doubles_convert_or_throw_ArgumentOutOfRange()
    {
        var random = new Random(0x15_0102);
        double[] edges = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, 9.2e15, -9.2e15, 9.199999999999999e15, -0.0, 1e-300, 5e-324];
        for (var i = 0; i < 20_000; i++)
        {
            var value = i < edges.Length ? edges[i] : BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
            try
            {
                var milli = Quantity.MilliFromDouble(value);
                Assert.True(double.IsFinite(value), $"{value:R} gave {milli}");
                if (Math.Abs(value) < Quantity.MaxMagnitude) Assert.Equal(milli, Quantity.FromDouble(value).MilliValue());
            }
            catch (ArgumentOutOfRangeException) when (!double.IsFinite(value))
            {
            }
        }

        output.WriteLine("MilliFromDouble: seed 0x150102, 20000 doubles (13 edges + random bit patterns), 0 crashes");
    }

    [Theory]
    [InlineData("0.000000001n", "1n")] // 1e-18 rounds up to the smallest quantity, as apimachinery does
    [InlineData("9223372036854775807Ki", "9223372036854775807")] // binary quantities cap at 2^63-1 units
    [InlineData("-0", "0")]
    [InlineData("1E", "1E")] // exa, not an exponent
    [InlineData("1e300", "1e300")]
    [InlineData("1e-300", "1e-9")] // rounds up to one nano, kept in exponent form
    public void Issue_examples_that_parse(string text, string canonical) =>
        Assert.Equal(canonical, Quantity.Parse(text).ToString());

    [Theory]
    [InlineData("1e309", "exponent 309 is outside")]
    [InlineData("1e-301", "exponent -301 is outside")]
    [InlineData("1e99999999999", "outside")]
    [InlineData("1.5.5", "unknown suffix '.5'")]
    [InlineData("", "empty")]
    [InlineData(" 1", "whitespace")]
    [InlineData("1 ", "whitespace")]
    [InlineData("\t1", "whitespace")]
    [InlineData("١", "ASCII digits")] // Arabic-Indic one: char.IsDigit says yes, Kubernetes says no
    [InlineData("１２", "ASCII digits")] // fullwidth
    [InlineData("NaN", "no digits")]
    [InlineData("1e", "unknown suffix 'e'")]
    public void Issue_examples_that_are_refused_with_a_reason(string text, string reason)
    {
        var e = Assert.Throws<QuantityFormatException>(() => Quantity.Parse(text));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_million_digit_quantity_is_refused_by_length_before_any_arithmetic()
    {
        var e = Assert.Throws<QuantityFormatException>(() => Quantity.Parse(new string('9', 1_000_000)));
        Assert.Contains(Quantity.MaxLength.ToString(CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_largest_accepted_quantity_parses_prints_and_reports_its_overflow()
    {
        var text = new string('9', Quantity.MaxLength - 4) + "e300";
        var q = Quantity.Parse(text);
        Assert.Equal(q, Quantity.Parse(q.ToString()));
        Assert.Throws<OverflowException>(() => q.MilliValue());
    }
}
