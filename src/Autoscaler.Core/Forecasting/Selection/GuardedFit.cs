using Autoscaler.Core.Forecasting.Models;

namespace Autoscaler.Core.Forecasting.Selection;

/// <summary>
/// A fitted model that cannot end a forecast: an exception or a non-finite value from the model at an
/// origin becomes NaN for that origin (so the model scores no better than infinity there and is left out of
/// the blend) and marks the model <see cref="Failed"/>.
/// </summary>
internal sealed class GuardedFit(IFittedModel inner) : IFittedModel
{
    public string Name => inner.Name;

    public int MinOrigin => inner.MinOrigin;

    /// <summary>True once any forecast from this model threw or was not finite.</summary>
    public bool Failed { get; private set; }

    /// <summary>Fits <paramref name="model"/>; null with <paramref name="failed"/> set when fitting threw.</summary>
    public static GuardedFit? TryFit(IPointModel model, SeriesContext context, out bool failed)
    {
        failed = false;
        try
        {
            var fitted = model.Fit(context);
            return fitted is null ? null : new GuardedFit(fitted);
        }
        catch (Exception e) when (IsModelFault(e))
        {
            failed = true;
            return null;
        }
    }

    public void Forecast(int origin, Span<double> output)
    {
        try
        {
            inner.Forecast(origin, output);
        }
        catch (Exception e) when (IsModelFault(e))
        {
            Failed = true;
            output.Fill(double.NaN);
            return;
        }

        foreach (var v in output)
        {
            if (!double.IsFinite(v))
            {
                Failed = true;
                output.Fill(double.NaN);
                return;
            }
        }
    }

    /// <summary>Numerical and indexing faults of a model on a degenerate window; never out-of-memory or cancellation.</summary>
    private static bool IsModelFault(Exception e) =>
        e is ArithmeticException or IndexOutOfRangeException or ArgumentException or InvalidOperationException
            or NullReferenceException or NotSupportedException;
}
