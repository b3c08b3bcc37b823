using Autoscaler.Core.Forecasting.Events;
using Autoscaler.Core.Forecasting.Models;
using Autoscaler.Core.Forecasting.Quantiles;
using Autoscaler.Core.Forecasting.Seasonality;
using Autoscaler.Core.Forecasting.Selection;

namespace Autoscaler.Core.Forecasting;

/// <summary>
/// The one forecasting pipeline behind every named forecaster: clean the history, detect the season, fit the
/// candidate models, backtest them on rolling origins inside the history, blend the best, calibrate
/// quantiles from the blend's own residuals by lead, then apply the event calendar.
/// A single-model forecaster is the same pipeline with one candidate.
/// </summary>
/// <param name="name">The forecaster's name.</param>
/// <param name="candidates">The models the blend chooses from.</param>
/// <param name="eventOptions">How the event calendar adjusts the forecast.</param>
/// <param name="baselines">Names of naive candidates the blend must not do worse than (<see cref="NaiveShrinkage"/>); none by default.</param>
/// <param name="shrinkTargetsOnly">
/// Baselines that are backtested only as shrinkage targets, never chosen as blend members by score (a
/// season-old value is a good floor for the choice but, blended in, mostly adds noise).
/// </param>
internal sealed class ForecastEngine(
    string name,
    IReadOnlyList<IPointModel> candidates,
    EventUpliftOptions eventOptions,
    IReadOnlySet<string>? baselines = null,
    IReadOnlySet<string>? shrinkTargetsOnly = null) : IForecaster
{
    /// <summary>How far back the internal backtest reaches (capped at half the history).</summary>
    public static readonly TimeSpan EvaluationSpan = TimeSpan.FromDays(7);

    /// <summary>Internal backtest origins per forecast: enough for a 90th percentile per lead.</summary>
    public const int MaxEvaluationOrigins = 168;

    public string Name => name;

    public ForecastResult Forecast(ForecastRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.LeadSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.LeadSteps, "LeadSteps must be at least 1.");
        }

        var history = request.History;
        if (history.Count == 0)
        {
            throw new ArgumentException("The history is empty.", nameof(request));
        }

        var leads = request.LeadSteps;
        var context = BuildContext(history, leads);
        var satOut = new List<string>();
        var fitted = new List<GuardedFit>();
        foreach (var candidate in candidates)
        {
            var fit = GuardedFit.TryFit(candidate, context, out var failed);
            if (failed)
            {
                satOut.Add(candidate.Name);
            }
            else if (fit is not null && fit.MinOrigin <= context.EvaluationStart)
            {
                fitted.Add(fit);
            }
        }

        var (evaluation, weights) = fitted.Count == 0 ? (null, []) : Select(context, fitted, leads, shrinkTargetsOnly);
        satOut.AddRange(fitted.Where(f => f.Failed).Select(f => f.Name));
        if (evaluation is null || !weights.Any(w => w.Any(x => x > 0)))
        {
            // Nothing usable (history too short for every candidate, or every candidate failed): hold the last value.
            fitted = [new GuardedFit(new PersistenceModel().Fit(context)!)];
            (evaluation, weights) = Select(context, fitted, leads, shrinkTargetsOnly);
        }

        var shrunk = 0;
        if (baselines is not null && fitted.Count > 1)
        {
            weights = NaiveShrinkage.Apply(evaluation, fitted.Select(f => f.Name).ToList(), baselines, weights, out shrunk);
        }

        var blend = new ModelBlend(fitted, weights);
        var offsets = evaluation.Origins.Count > 0
            ? QuantileOffsets.FromResiduals(evaluation.BlendResiduals(context, weights, leads), leads, PoolFor(evaluation.Origins.Count))
            : QuantileOffsets.Zero(leads);

        var point = new double[leads];
        blend.Forecast(context.Count, point);
        var adjustment = request.Events.Count > 0
            ? EventUplift.Adjust(context, history.Start, request.Events, blend, leads, eventOptions)
            : null;
        var satOutNote = (shrunk == 0 ? string.Empty : $"; shrunk toward naive at {shrunk}/{leads} leads")
            + (satOut.Count == 0 ? string.Empty : $"; sat out: {string.Join(',', satOut)}");
        return Assemble(history, context, point, offsets, adjustment, $"{blend.Name}; calibrated on {offsets.Samples} origins{(adjustment is null ? string.Empty : "; " + adjustment.Detail)}{satOutNote}") with
        {
            SatOut = satOut,
        };
    }

    /// <summary>
    /// Backtests the candidates and weighs them; a candidate that fails at an internal origin or at the
    /// forecast origin itself gets no weight (its scores become NaN) and the others are weighed again.
    /// </summary>
    private static (RollingEvaluation Evaluation, double[][] Weights) Select(SeriesContext context, List<GuardedFit> fitted, int leads, IReadOnlySet<string>? notMembers)
    {
        var evaluation = RollingEvaluation.Run(context, fitted, leads, MaxEvaluationOrigins);
        var scores = evaluation.Scores.Select(s => (double[])s.Clone()).ToList();
        var probe = new double[leads];
        for (var round = 0; round <= fitted.Count; round++)
        {
            for (var j = 0; j < fitted.Count; j++)
            {
                if (fitted[j].Failed)
                {
                    Array.Fill(scores[j], double.NaN);
                }
                else if (notMembers is not null && notMembers.Contains(fitted[j].Name) && fitted.Count > 1)
                {
                    Array.Fill(scores[j], double.PositiveInfinity);
                }
            }

            var weights = BlendSelector.Choose(scores, leads);
            var used = Enumerable.Range(0, fitted.Count).Where(j => weights.Any(w => w[j] > 0)).ToList();
            foreach (var j in used)
            {
                fitted[j].Forecast(context.Count, probe);
            }

            if (used.All(j => !fitted[j].Failed))
            {
                return (evaluation, weights);
            }
        }

        return (evaluation, []);
    }

    private static SeriesContext BuildContext(ForecastHistory history, int leads)
    {
        var day = (int)Math.Round(TimeSpan.FromDays(1) / history.Step);
        var week = day * 7;
        var values = SeriesCleaner.Clean(history.Values, day, out var nonNegative);
        var recent = values.AsSpan(Math.Max(0, values.Length - (4 * week)));
        var season = SeasonalityDetector.Detect(recent, day, week);
        // The most recent week, or as much as leaves half the history (and a level window) behind it,
        // so that seasonal models still have full cycles to look back on from the first internal origin.
        var quarterHour = Math.Max(1, (int)Math.Round(TimeSpan.FromMinutes(15) / history.Step));
        var evaluationStart = Math.Max(values.Length - (int)Math.Round(EvaluationSpan / history.Step), ((values.Length + 1) / 2) + quarterHour);
        evaluationStart = Math.Max(1, Math.Min(evaluationStart, values.Length - leads));
        return new SeriesContext(values, history.Step, season, nonNegative, evaluationStart);
    }

    /// <summary>Pool neighbouring leads when few origins back each lead's quantile.</summary>
    private static int PoolFor(int origins) => origins >= 100 ? 0 : origins >= 30 ? 1 : 3;

    private ForecastResult Assemble(
        ForecastHistory history, SeriesContext context, double[] point, QuantileOffsets offsets, EventAdjustment? adjustment, string detail)
    {
        var leads = point.Length;
        var scale = context.ScaleBefore(context.Count);
        var quantiles = QuantileOffsets.Levels.Select(_ => new double[leads]).ToArray();
        for (var h = 0; h < leads; h++)
        {
            var multiplier = adjustment?.Multipliers[h] ?? 1.0;
            var own = adjustment?.Offsets?[h];
            var centre = point[h] * multiplier;
            for (var q = 0; q < quantiles.Length; q++)
            {
                // Learned event residuals are already at the event's level; other offsets scale with the uplift.
                var offset = own is not null ? own.At(q, h) : offsets.At(q, h) * multiplier;
                var value = centre + (offset * scale);
                quantiles[q][h] = context.NonNegative ? Math.Max(0, value) : value;
            }

            // Quantiles must not cross.
            quantiles[1][h] = Math.Max(quantiles[1][h], quantiles[0][h]);
            quantiles[2][h] = Math.Max(quantiles[2][h], quantiles[1][h]);
        }

        return new ForecastResult(Name, history.TimeAt(history.Count), history.Step, quantiles[0], quantiles[1], quantiles[2], detail)
        {
            EventUplift = adjustment?.Uplift,
            EventUplifts = adjustment?.Uplifts ?? [],
        };
    }
}
