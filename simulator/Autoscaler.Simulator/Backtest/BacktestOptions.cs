namespace Autoscaler.Simulator.Backtest;

/// <summary>The parsed command line of the backtest verb.</summary>
internal sealed record BacktestOptions(
    string TracePath,
    string? EventsPath,
    TimeSpan Horizon,
    TimeSpan Step,
    TimeSpan History,
    IReadOnlyList<string> Models,
    DateTimeOffset? From,
    DateTimeOffset? To,
    string OutPath,
    bool Explain)
{
    /// <summary>The origin spacing's option as the user typed it (<c>--origin-step</c>, or its alias <c>--step</c>), for errors.</summary>
    public string StepName { get; init; } = "--origin-step";

    /// <summary>Look-back handed to the models when --history is not given.</summary>
    public static readonly TimeSpan DefaultHistory = TimeSpan.FromDays(14);

    /// <summary>Models when --models is not given: auto and the two baselines it must beat.</summary>
    public static readonly IReadOnlyList<string> DefaultModels = ["auto", "persistence", "seasonal-naive:1d"];

    /// <summary>Suffix that runs a model without the event calendar, to measure what the calendar adds.</summary>
    public const string NoEventsSuffix = "/no-events";
}
