using Autoscaler.Core.Decisions;

namespace Autoscaler.Core.Control;

/// <summary>Where each step's decision record goes (a JSON-lines file, a CR status, a log). Called every step, in every mode.</summary>
public interface IDecisionSink
{
    /// <summary>Records one decision.</summary>
    ValueTask WriteAsync(DecisionRecord record, CancellationToken cancellationToken);
}
