namespace Autoscaler.Core.Forecasting.Numerics;

/// <summary>
/// A small deterministic Nelder–Mead minimiser over unconstrained parameters (callers map them into
/// their ranges). Enough for three or four smoothing parameters; no gradient needed.
/// </summary>
internal static class NelderMead
{
    public static double[] Minimize(Func<double[], double> f, double[] start, double initialStep, int maxEvaluations)
    {
        var dim = start.Length;
        var simplex = new double[dim + 1][];
        var values = new double[dim + 1];
        for (var i = 0; i <= dim; i++)
        {
            simplex[i] = (double[])start.Clone();
            if (i > 0)
            {
                simplex[i][i - 1] += initialStep;
            }

            values[i] = f(simplex[i]);
        }

        var evaluations = dim + 1;
        while (evaluations < maxEvaluations)
        {
            Array.Sort(values, simplex);
            if (Math.Abs(values[dim] - values[0]) <= 1e-10 * (Math.Abs(values[0]) + 1e-12))
            {
                break;
            }

            var centroid = new double[dim];
            for (var i = 0; i < dim; i++)
            {
                for (var j = 0; j < dim; j++)
                {
                    centroid[j] += simplex[i][j] / dim;
                }
            }

            var reflected = Combine(centroid, simplex[dim], -1.0);
            var fr = f(reflected);
            evaluations++;
            if (fr < values[0])
            {
                var expanded = Combine(centroid, simplex[dim], -2.0);
                var fe = f(expanded);
                evaluations++;
                (simplex[dim], values[dim]) = fe < fr ? (expanded, fe) : (reflected, fr);
            }
            else if (fr < values[dim - 1])
            {
                (simplex[dim], values[dim]) = (reflected, fr);
            }
            else
            {
                var contracted = Combine(centroid, simplex[dim], 0.5);
                var fc = f(contracted);
                evaluations++;
                if (fc < values[dim])
                {
                    (simplex[dim], values[dim]) = (contracted, fc);
                }
                else
                {
                    for (var i = 1; i <= dim; i++)
                    {
                        simplex[i] = Combine(simplex[0], simplex[i], 0.5);
                        values[i] = f(simplex[i]);
                        evaluations++;
                    }
                }
            }
        }

        Array.Sort(values, simplex);
        return simplex[0];
    }

    /// <summary>centroid + t × (point − centroid).</summary>
    private static double[] Combine(double[] centroid, double[] point, double t)
    {
        var result = new double[centroid.Length];
        for (var j = 0; j < result.Length; j++)
        {
            result[j] = centroid[j] + (t * (point[j] - centroid[j]));
        }

        return result;
    }
}
