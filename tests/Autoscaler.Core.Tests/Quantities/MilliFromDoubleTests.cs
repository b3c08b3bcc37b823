using System.Globalization;
using Autoscaler.Core.Quantities;
using FsCheck;
using FsCheck.Fluent;

namespace Autoscaler.Core.Tests.Quantities;

/// <summary>
/// Issue 13, fault 4: the one double → milli conversion agrees with parsing the same number as a quantity.
/// The simulator's own <c>Math.Ceiling(v * 1000)</c> disagreed on 1,463 of 199,999 three-decimal values.
/// </summary>
public sealed class MilliFromDoubleTests
{
    [Fact]
    public void EveryThreeDecimalValueUpTo200IsItsOwnMilliValue()
    {
        var wrong = new List<string>();
        for (var n = 1; n < 200_000; n++)
        {
            var value = n / 1000.0;
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            var milli = Quantity.MilliFromDouble(value);
            if (milli != n || Quantity.Parse(text).MilliValue() != n || Quantity.FromDouble(value).MilliValue() != n)
            {
                wrong.Add($"{text} -> {milli}");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void TheIssuesExampleIs2007NotTheDoubleArithmetics2008()
    {
        Assert.Equal(2008, (long)Math.Ceiling(2.007 * 1000)); // what the simulator used to compute
        Assert.Equal(2007, Quantity.MilliFromDouble(2.007));
    }

    [Fact]
    public void AgreesWithParsingTheShortestRoundTripStringForAnyDouble() =>
        Prop.ForAll(ArbMap.Default.ArbFor<NormalFloat>(), Gen.Choose(-9, 12).ToArbitrary(), (f, power) =>
        {
            var value = f.Get * Math.Pow(10, power) % Quantity.MaxMagnitude;
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            return Quantity.MilliFromDouble(value) == Quantity.Parse(text).MilliValue();
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(9.3e15, long.MaxValue)]
    [InlineData(-9.3e15, long.MinValue)]
    [InlineData(-0.0004, 0)]
    [InlineData(0.0001, 1)]
    public void EdgesSaturateOrRoundUp(double value, long milli) => Assert.Equal(milli, Quantity.MilliFromDouble(value));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void NonFiniteValuesAreRefused(double value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantity.MilliFromDouble(value));
}
