using System.Globalization;
using Autoscaler.Core.Forecasting.Models;

namespace Autoscaler.Core.Forecasting.Selection;

/// <summary>A per-lead weighted combination of fitted models; itself a fitted model.</summary>
internal sealed class ModelBlend(IReadOnlyList<IFittedModel> models, double[][] weights) : IFittedModel
{
    private readonly int[] _used = Enumerable.Range(0, models.Count).Where(j => weights.Any(w => w[j] > 0)).ToArray();

    /// <summary>Models with their mean weight over the leads, largest first.</summary>
    public string Name => string.Join(
        '+',
        _used.Select(j => (models[j].Name, Weight: weights.Average(w => w[j])))
            .OrderByDescending(x => x.Weight)
            .Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Name}×{x.Weight:0.00}")));

    public int MinOrigin => _used.Max(j => models[j].MinOrigin);

    public void Forecast(int origin, Span<double> output)
    {
        output.Clear();
        Span<double> one = output.Length <= 256 ? stackalloc double[output.Length] : new double[output.Length];
        foreach (var j in _used)
        {
            models[j].Forecast(origin, one);
            for (var h = 0; h < output.Length; h++)
            {
                output[h] += weights[Math.Min(h, weights.Length - 1)][j] * one[h];
            }
        }
    }
}
