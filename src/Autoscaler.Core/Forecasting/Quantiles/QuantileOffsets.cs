using Autoscaler.Core.Forecasting.Numerics;

namespace Autoscaler.Core.Forecasting.Quantiles;

/// <summary>
/// Per-lead quantiles of scaled residuals (actual − forecast) / scale, learned from rolling-origin
/// backtests: quantile q at lead h is forecast + offset × the current scale.
/// </summary>
internal sealed class QuantileOffsets
{
    /// <summary>The quantile levels every forecast carries.</summary>
    public static readonly double[] Levels = [0.1, 0.5, 0.9];

    private readonly double[][] _offsets;

    private QuantileOffsets(double[][] offsets, int samples)
    {
        _offsets = offsets;
        Samples = samples;
    }

    /// <summary>Number of backtest origins behind the estimate.</summary>
    public int Samples { get; }

    /// <summary>Offsets of zero width, for histories too short to backtest.</summary>
    public static QuantileOffsets Zero(int leads) =>
        new(Levels.Select(_ => new double[leads]).ToArray(), 0);

    /// <summary>
    /// Builds offsets from <paramref name="residuals"/>[origin][lead]. Leads are pooled with their
    /// neighbours (±<paramref name="pool"/>) when samples are scarce, since spread changes slowly with lead.
    /// </summary>
    public static QuantileOffsets FromResiduals(IReadOnlyList<double[]> residuals, int leads, int pool)
    {
        var offsets = Levels.Select(_ => new double[leads]).ToArray();
        var buffer = new List<double>();
        for (var h = 0; h < leads; h++)
        {
            buffer.Clear();
            for (var g = Math.Max(0, h - pool); g <= Math.Min(leads - 1, h + pool); g++)
            {
                foreach (var row in residuals)
                {
                    if (double.IsFinite(row[g]))
                    {
                        buffer.Add(row[g]);
                    }
                }
            }

            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buffer);
            for (var q = 0; q < Levels.Length; q++)
            {
                offsets[q][h] = QuantileMath.QuantileInPlace(span, Levels[q]);
            }
        }

        return new QuantileOffsets(offsets, residuals.Count);
    }

    /// <summary>Offset for quantile level index <paramref name="level"/> (into <see cref="Levels"/>) at lead index <paramref name="lead"/>.</summary>
    public double At(int level, int lead) => _offsets[level][lead];
}
