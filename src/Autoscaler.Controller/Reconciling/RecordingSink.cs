using Autoscaler.Core.Control;
using Autoscaler.Core.Decisions;

namespace Autoscaler.Controller.Reconciling;

/// <summary>Keeps the decision record of one step so the pass can put it in statuses, Events, the log and metrics.</summary>
public sealed class RecordingSink : IDecisionSink
{
    /// <summary>The last record written, null before the step ran.</summary>
    public DecisionRecord? Last { get; private set; }

    /// <inheritdoc />
    public ValueTask WriteAsync(DecisionRecord record, CancellationToken cancellationToken)
    {
        Last = record;
        return ValueTask.CompletedTask;
    }
}
