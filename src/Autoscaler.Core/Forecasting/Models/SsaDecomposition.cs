using MathNet.Numerics.LinearAlgebra;

namespace Autoscaler.Core.Forecasting.Models;

/// <summary>The signal subspace of a series and the linear recurrence (LRF) it implies.</summary>
internal sealed class SsaDecomposition
{
    private readonly double[] _basis;

    private SsaDecomposition(Matrix<double> basis, double[] recurrence, double mean)
    {
        Basis = basis;
        Mean = mean;
        Recurrence = recurrence;
        _basis = basis.ToColumnMajorArray();
    }

    /// <summary>L × r orthonormal basis of the signal subspace.</summary>
    public Matrix<double> Basis { get; }

    /// <summary>x[t] = Σ Recurrence[j] · x[t − L + 1 + j], j = 0..L−2.</summary>
    public double[] Recurrence { get; }

    public int Window => Basis.RowCount;

    /// <summary>
    /// Mean removed before the decomposition: without centring, the level takes nearly all the energy and
    /// an energy threshold would drop real but smaller cycles.
    /// </summary>
    public double Mean { get; }

    public int Rank => Basis.ColumnCount;

    /// <summary>
    /// Rank is the smallest that keeps <paramref name="energyShare"/> of the lag-covariance energy, capped at
    /// <paramref name="maxRank"/>; it is lowered until the recurrence is defined (verticality ν² &lt; 1).
    /// </summary>
    public static SsaDecomposition? Fit(ReadOnlySpan<double> series, int window, int maxRank, double energyShare)
    {
        var mean = 0.0;
        foreach (var v in series)
        {
            mean += v / series.Length;
        }

        var centred = new double[series.Length];
        for (var i = 0; i < centred.Length; i++)
        {
            centred[i] = series[i] - mean;
        }

        var cov = LagCovariance(centred, window);
        var evd = Matrix<double>.Build.DenseOfArray(cov).Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
        var order = Enumerable.Range(0, window).OrderByDescending(i => evd.EigenValues[i].Real).ToArray();
        var total = order.Sum(i => Math.Max(0, evd.EigenValues[i].Real));
        if (total <= 0)
        {
            return null;
        }

        var rank = 0;
        var kept = 0.0;
        while (rank < Math.Min(maxRank, window - 1) && kept < energyShare * total)
        {
            kept += Math.Max(0, evd.EigenValues[order[rank]].Real);
            rank++;
        }

        for (; rank >= 1; rank--)
        {
            var basis = Matrix<double>.Build.Dense(window, rank, (i, c) => evd.EigenVectors[i, order[c]]);
            var nu2 = 0.0;
            for (var c = 0; c < rank; c++)
            {
                nu2 += basis[window - 1, c] * basis[window - 1, c];
            }

            if (nu2 < 0.99)
            {
                var recurrence = new double[window - 1];
                for (var c = 0; c < rank; c++)
                {
                    var pi = basis[window - 1, c];
                    for (var j = 0; j < window - 1; j++)
                    {
                        recurrence[j] += pi * basis[j, c] / (1 - nu2);
                    }
                }

                return new SsaDecomposition(basis, recurrence, mean);
            }
        }

        return null;
    }

    /// <summary>Projects a lag vector onto the signal subspace (denoises the recurrence's seed).</summary>
    public void Project(ReadOnlySpan<double> lagVector, Span<double> output)
    {
        var window = Window;
        output.Fill(Mean);
        for (var c = 0; c < _basis.Length / window; c++)
        {
            var column = _basis.AsSpan(c * window, window);
            var dot = 0.0;
            for (var i = 0; i < window; i++)
            {
                dot += column[i] * (lagVector[i] - Mean);
            }

            for (var i = 0; i < window; i++)
            {
                output[i] += dot * column[i];
            }
        }
    }

    /// <summary>Extends <paramref name="path"/> from index <paramref name="from"/> on with the recurrence.</summary>
    public void Continue(Span<double> path, int from)
    {
        var window = Window;
        for (var b = from; b < path.Length; b++)
        {
            var next = Mean;
            for (var j = 0; j < window - 1; j++)
            {
                next += Recurrence[j] * (path[b - window + 1 + j] - Mean);
            }

            path[b] = double.IsFinite(next) ? next : path[b - 1];
        }
    }

    /// <summary>
    /// Σ over lag vectors of x xᵀ, in O(L·K + L²): the first row directly, then each diagonal step adds the
    /// product that enters the window and drops the one that leaves it.
    /// </summary>
    private static double[,] LagCovariance(ReadOnlySpan<double> series, int window)
    {
        var k = series.Length - window + 1;
        var cov = new double[window, window];
        for (var j = 0; j < window; j++)
        {
            var sum = 0.0;
            for (var s = 0; s < k; s++)
            {
                sum += series[s] * series[s + j];
            }

            cov[0, j] = sum;
        }

        for (var i = 1; i < window; i++)
        {
            for (var j = i; j < window; j++)
            {
                cov[i, j] = cov[i - 1, j - 1] + (series[k - 1 + i] * series[k - 1 + j]) - (series[i - 1] * series[j - 1]);
            }
        }

        for (var i = 0; i < window; i++)
        {
            for (var j = 0; j < i; j++)
            {
                cov[i, j] = cov[j, i];
            }
        }

        return cov;
    }
}
