using Autoscaler.Core.Planning;

namespace Autoscaler.Core.Forecasting.Accuracy;

/// <summary>What the trust gate lets a policy do at one step (<see cref="TrustGate.Decide"/>).</summary>
/// <param name="Mode">The mode its forecast-driven floors run in: the requested one, or <see cref="PlanningMode.Recommend"/> when withheld.</param>
/// <param name="Withheld">True when the gate turned an auto policy's forecast floors into recommendations.</param>
public sealed record TrustGateDecision(PlanningMode Mode, bool Withheld)
{
    /// <summary>Why floors are withheld, in words (hosts append the scores, <see cref="AccuracyVerdict.Describe"/>).</summary>
    public const string WithheldReason = "trust gate: the policy's rolling accuracy does not (yet) beat persistence and daily seasonal-naive";
}
