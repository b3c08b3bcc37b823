using Autoscaler.Core.Quantities;
using FsCheck;
using FsCheck.Fluent;

namespace Autoscaler.Core.Tests.Quantities;

/// <summary>Round-trip invariants of parsing and canonical printing, checked on generated inputs.</summary>
public sealed class QuantityPropertyTests
{
    private static readonly string[] Suffixes = ["", "n", "u", "m", "k", "M", "G", "T", "P", "E", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "e0", "e3", "e-3", "e7", "E-2"];

    private static Gen<string> QuantityText() =>
        from sign in Gen.Elements("", "+", "-")
        from whole in Gen.Choose(0, 999_999)
        from hasFraction in ArbMap.Default.GeneratorFor<bool>()
        from fraction in Gen.Choose(0, 99_999)
        from suffix in Gen.Elements(Suffixes)
        select sign + whole + (hasFraction ? "." + fraction : string.Empty) + suffix;

    [Fact]
    public void CanonicalFormIsAFixedPoint() =>
        Prop.ForAll(QuantityText().ToArbitrary(), text =>
        {
            var q = Quantity.Parse(text);
            var canonical = q.ToString();
            var again = Quantity.Parse(canonical);
            return again == q && again.ToString() == canonical;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void MilliQuantitiesRoundTripTheirMilliValue() =>
        Prop.ForAll(ArbMap.Default.ArbFor<long>(), milli =>
        {
            var bounded = milli % 9_000_000_000_000_000L;
            var q = Quantity.FromMilli(bounded);
            return Quantity.Parse(q.ToString()).MilliValue() == bounded;
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void CanonicalDecimalStringsUseAMultipleOfThreeExponentAndNoTrailingZeroTriple() =>
        Prop.ForAll(ArbMap.Default.ArbFor<int>(), n =>
        {
            var text = Quantity.FromMilli(n).ToString();
            var digits = text.TrimStart('-').TrimEnd('m', 'k', 'M', 'G', 'T');
            // A canonical mantissa never ends in 000 (it would have moved to the next suffix).
            return n == 0 ? text == "0" : !digits.EndsWith("000", StringComparison.Ordinal);
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void BinaryIntegersPrintWithTheLargestExactBinarySuffix() =>
        Prop.ForAll(Gen.Choose(1, 1023).ToArbitrary(), Gen.Choose(0, 4).ToArbitrary(), (mantissa, power) =>
        {
            var value = (long)mantissa << (10 * power);
            var text = Quantity.Parse(value + "Ki").ToString();
            return text == mantissa + new[] { "Ki", "Mi", "Gi", "Ti", "Pi" }[power];
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void ParsedValueEqualsDecimalArithmetic() =>
        Prop.ForAll(Gen.Choose(-1_000_000, 1_000_000).ToArbitrary(), Gen.Choose(0, 6).ToArbitrary(), (mantissa, scale) =>
        {
            var d = mantissa / (decimal)Math.Pow(10, scale);
            var text = d.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Quantity.Parse(text).ToDecimal() == d;
        }).QuickCheckThrowOnFailure();
}
