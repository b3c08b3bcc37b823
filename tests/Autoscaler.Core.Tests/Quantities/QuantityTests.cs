using Autoscaler.Core.Quantities;

namespace Autoscaler.Core.Tests.Quantities;

public sealed class QuantityTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("1", "1")]
    [InlineData("1.0", "1")]
    [InlineData("+03", "3")]
    [InlineData("0.1", "100m")]
    [InlineData("1.5", "1500m")]
    [InlineData("0.5", "500m")]
    [InlineData("0.05", "50m")]
    [InlineData("0.001", "1m")]
    [InlineData("0.0001", "100u")]
    [InlineData("0.000000001", "1n")]
    [InlineData("0.0000000001", "1n")]
    [InlineData("0.1n", "1n")]
    [InlineData("-0.1n", "-1n")]
    [InlineData("100", "100")]
    [InlineData("1500", "1500")]
    [InlineData("2000", "2k")]
    [InlineData("12000", "12k")]
    [InlineData("2500000", "2500k")]
    [InlineData("1000000", "1M")]
    [InlineData("-2.5", "-2500m")]
    [InlineData("0.0165", "16500u")]
    [InlineData("2000m", "2")]
    [InlineData("1e3", "1e3")]
    [InlineData("1E3", "1e3")]
    [InlineData("1.5e3", "1500")]
    [InlineData("1e-3", "1e-3")]
    [InlineData("12e2", "1200")]
    [InlineData("10e3", "10e3")]
    [InlineData("1.5Gi", "1536Mi")]
    [InlineData("0.5Ki", "512")]
    [InlineData("1Ki", "1Ki")]
    [InlineData("1024", "1024")]
    [InlineData("1024Mi", "1Gi")]
    [InlineData("-1Ki", "-1Ki")]
    [InlineData("1.0001Ki", "1024102400u")]
    [InlineData("0.5Mi", "512Ki")]
    [InlineData("1E", "1E")]
    [InlineData("1000E", "1000E")]
    [InlineData("5P", "5P")]
    [InlineData("1000P", "1E")]
    [InlineData("7T", "7T")]
    [InlineData("3G", "3G")]
    [InlineData("-0", "0")]
    [InlineData(".5", "500m")]
    [InlineData("5.", "5")]
    [InlineData("007", "7")]
    [InlineData("1000n", "1u")]
    [InlineData("1000u", "1m")]
    [InlineData("0Ki", "0")]
    [InlineData("0e5", "0")]
    public void ParsesAndPrintsCanonically(string input, string canonical)
    {
        var q = Quantity.Parse(input);
        Assert.Equal(canonical, q.ToString());
        Assert.Equal(q, Quantity.Parse(canonical));
    }

    [Theory]
    [InlineData("")]
    [InlineData("+")]
    [InlineData("-")]
    [InlineData(".")]
    [InlineData("1K")]
    [InlineData("1 ")]
    [InlineData(" 1")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("1ki")]
    [InlineData("1KiB")]
    [InlineData("NaN")]
    [InlineData("Inf")]
    [InlineData("0x10")]
    [InlineData("1.2.3")]
    [InlineData("1mm")]
    [InlineData("--1")]
    [InlineData("1e9999")]
    public void RejectsInvalidInput(string input)
    {
        Assert.False(Quantity.TryParse(input, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
        Assert.Throws<QuantityFormatException>(() => Quantity.Parse(input));
    }

    [Fact]
    public void RemembersFormatFromInput()
    {
        Assert.Equal(QuantityFormat.BinarySI, Quantity.Parse("2Ki").Format);
        Assert.Equal(QuantityFormat.DecimalExponent, Quantity.Parse("2e3").Format);
        Assert.Equal(QuantityFormat.DecimalSI, Quantity.Parse("2k").Format);
        // Binary inputs below one become decimal, as in apimachinery.
        Assert.Equal(QuantityFormat.DecimalSI, Quantity.Parse("0.0001Ki").Format);
    }

    [Fact]
    public void CapsBinaryQuantitiesAt63Bits()
    {
        Assert.Equal(long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture), Quantity.Parse("16Ei").ToString());
        // Decimal quantities are not capped.
        Assert.Equal("16E", Quantity.Parse("16E").ToString());
    }

    [Theory]
    [InlineData("100u", 1)]
    [InlineData("-1n", 0)]
    [InlineData("1", 1000)]
    [InlineData("1500m", 1500)]
    [InlineData("0.0165", 17)]
    [InlineData("-2.5", -2500)]
    public void MilliValueRoundsUpLikeTheHpa(string input, long milli) =>
        Assert.Equal(milli, Quantity.Parse(input).MilliValue());

    [Fact]
    public void MilliValueOverflowIsReported() =>
        Assert.Throws<OverflowException>(() => Quantity.Parse("10E").MilliValue());

    [Theory]
    [InlineData(16.5, "16500m")]
    [InlineData(1.1, "1100m")]
    [InlineData(2000.0, "2k")]
    [InlineData(0.0001, "1m")]
    [InlineData(-0.0001, "0")]
    [InlineData(40.0, "40")]
    [InlineData(0.0, "0")]
    public void FromDoubleUsesTheRecommendedEmitter(double value, string expected) =>
        Assert.Equal(expected, Quantity.FromDouble(value).ToString());

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    [InlineData(1e16)]
    public void FromDoubleRefusesValuesTheHpaCannotHold(double value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantity.FromDouble(value));

    [Fact]
    public void FromDecimalIsExact()
    {
        Assert.Equal("1500m", Quantity.FromDecimal(1.5m).ToString());
        Assert.Equal("1n", Quantity.FromDecimal(0.0000000001m).ToString());
        Assert.Equal(1.5m, Quantity.FromDecimal(1.5m).ToDecimal());
    }

    [Fact]
    public void ComparesByValueIgnoringFormat()
    {
        Assert.Equal(Quantity.Parse("1Ki"), Quantity.Parse("1024"));
        Assert.True(Quantity.Parse("1k") > Quantity.Parse("999"));
        Assert.True(Quantity.Parse("-1") < Quantity.Zero);
        Assert.Equal(Quantity.Parse("1e3").GetHashCode(), Quantity.Parse("1k").GetHashCode());
    }
}
