using Autoscaler.Core.Forecasting;

namespace Autoscaler.Simulator.Backtest;

/// <summary>A model as named on the command line, and whether it sees the event calendar.</summary>
internal sealed record BacktestModel(string Label, IForecaster Forecaster, bool UsesEvents);
