namespace Autoscaler.Core.Forecasting.Models;

/// <summary>Smoothing weights for level, trend and season, and the trend damping.</summary>
internal readonly record struct HoltWintersParameters(double Alpha, double Beta, double Gamma, double Phi);
