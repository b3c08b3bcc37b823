using Autoscaler.Core.Forecasting.Models;

namespace Autoscaler.Core.Forecasting.Selection;

/// <summary>A weighted combination of fitted models; itself a fitted model.</summary>
internal sealed class ModelBlend(IReadOnlyList<IFittedModel> models, IReadOnlyList<double> weights) : IFittedModel
{
    public IReadOnlyList<IFittedModel> Models => models;

    public IReadOnlyList<double> Weights => weights;

    public string Name => string.Join('+', models.Select((m, i) => $"{m.Name}×{weights[i]:0.00}"));

    public int MinOrigin => models.Max(m => m.MinOrigin);

    public void Forecast(int origin, Span<double> output)
    {
        output.Clear();
        Span<double> one = output.Length <= 256 ? stackalloc double[output.Length] : new double[output.Length];
        for (var j = 0; j < models.Count; j++)
        {
            models[j].Forecast(origin, one);
            for (var h = 0; h < output.Length; h++)
            {
                output[h] += weights[j] * one[h];
            }
        }
    }
}
