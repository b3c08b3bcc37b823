namespace Autoscaler.Core.Forecasting.Models;

/// <summary>SSA fitted at one origin; forecasts from any earlier origin with the same recurrence.</summary>
internal sealed class SsaFitted(double[] fine, double[] coarse, int factor, SsaDecomposition ssa, int levelWindow, string name) : IFittedModel
{
    public string Name => name;

    public int MinOrigin => (ssa.Window + 1) * factor;

    public void Forecast(int origin, Span<double> output)
    {
        var window = ssa.Window;
        var lastBucket = (origin / factor) - 1;
        var lastNeeded = ((origin + output.Length - 1) / factor) + 1;
        var firstBucket = lastBucket - window + 1;
        var path = new double[lastNeeded - firstBucket + 1];
        ssa.Project(coarse.AsSpan(firstBucket, window), path.AsSpan(0, window));
        ssa.Continue(path, window);

        // Shift the smooth path so that it passes through the level observed just before the origin.
        var shift = 0.0;
        for (var i = origin - levelWindow; i < origin; i++)
        {
            shift += (fine[i] - At(path, firstBucket, i)) / levelWindow;
        }

        for (var k = 0; k < output.Length; k++)
        {
            output[k] = At(path, firstBucket, origin + k) + shift;
        }
    }

    /// <summary>Linear interpolation between bucket centres at fine index <paramref name="index"/>.</summary>
    private double At(double[] path, int firstBucket, int index)
    {
        var u = ((index - ((factor - 1) / 2.0)) / factor) - firstBucket;
        var lo = (int)Math.Floor(u);
        lo = Math.Clamp(lo, 0, path.Length - 2);
        var frac = Math.Clamp(u - lo, 0, 1);
        return path[lo] + ((path[lo + 1] - path[lo]) * frac);
    }
}
