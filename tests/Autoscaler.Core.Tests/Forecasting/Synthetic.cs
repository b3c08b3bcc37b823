using Autoscaler.Core.Forecasting;

namespace Autoscaler.Core.Tests.Forecasting;

/// <summary>Synthetic series with known structure for forecasting tests.</summary>
internal static class Synthetic
{
    public static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static double[] Generate(int count, Func<int, double> at) => Enumerable.Range(0, count).Select(at).ToArray();

    /// <summary>Standard normal draws from a seeded source (Box–Muller).</summary>
    public static double Gaussian(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public static ForecastHistory History(double[] values, int count, TimeSpan step) =>
        new(Epoch, step, values.AsSpan(0, count));

    public static IForecaster Forecaster(string spec)
    {
        Assert.True(ForecasterCatalog.TryCreate(spec, out var forecaster, out var error), error);
        return forecaster!;
    }
}
