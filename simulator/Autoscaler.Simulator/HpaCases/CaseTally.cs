namespace Autoscaler.Simulator.HpaCases;

/// <summary>Counts how many cases that carry an expectation agree with the model's answer.</summary>
internal sealed class CaseTally
{
    public int Cases { get; private set; }

    public int WithExpectation { get; private set; }

    public int Matching { get; private set; }

    public List<string> Mismatches { get; } = [];

    public void Add(string id, int? expected, CaseOutcome outcome)
    {
        Cases++;
        if (expected is null)
        {
            return;
        }

        WithExpectation++;
        if (outcome.Replicas == expected)
        {
            Matching++;
        }
        else
        {
            Mismatches.Add(id);
        }
    }
}
