using System.Globalization;
using System.Text;

namespace Autoscaler.Simulator.Parity;

/// <summary>The outcome of <see cref="TrajectoryComparison.Compare"/>: the side-by-side rows and the allowance used.</summary>
internal sealed record ParityVerdict(IReadOnlyList<ParityRow> Rows, ParityAllowance Allowance)
{
    /// <summary>True when every row agrees.</summary>
    public bool Agrees => Rows.All(r => r.Problem is null);

    /// <summary>True when both sides make the same sequence of replica counts, whatever the times.</summary>
    public bool SameCounts => Rows.All(r => r.Simulated is not null && r.Real is not null && r.Simulated.Replicas == r.Real.Replicas);

    /// <summary>Every disagreement, one line each, prefixed with the change's position.</summary>
    public IReadOnlyList<string> Problems => Rows.Where(r => r.Problem is not null).Select(r => $"change #{r.Index}: {r.Problem}").ToList();

    /// <summary>A markdown table: change, simulated time and replicas, real time and replicas, lag, verdict.</summary>
    public string ToMarkdown()
    {
        var b = new StringBuilder();
        b.AppendLine("| # | simulator: t (s) | simulator: replicas | real v1.20.2: t (s) | real: replicas | real − sim (s) | |");
        b.AppendLine("|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in Rows)
        {
            b.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Index} | {Time(r.Simulated)} | {r.Simulated?.Replicas.ToString(CultureInfo.InvariantCulture) ?? "–"} | {Time(r.Real)} | {r.Real?.Replicas.ToString(CultureInfo.InvariantCulture) ?? "–"} | {(r.LagSeconds is { } l ? l.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) : "–")} | {(r.Problem is null ? "ok" : "**" + r.Problem + "**")} |");
        }

        return b.ToString();
    }

    /// <summary>The same rows as CSV with a header: <c>index,sim_at,sim_replicas,real_at,real_replicas,lag,problem</c>.</summary>
    public string ToCsv()
    {
        var b = new StringBuilder("index,sim_at,sim_replicas,real_at,real_replicas,lag,problem\n");
        foreach (var r in Rows)
        {
            b.Append(CultureInfo.InvariantCulture,
                $"{r.Index},{r.Simulated?.At:0.###},{r.Simulated?.Replicas},{r.Real?.At:0.###},{r.Real?.Replicas},{r.LagSeconds:0.###},\"{r.Problem?.Replace("\"", "'", StringComparison.Ordinal)}\"\n");
        }

        return b.ToString();
    }

    private static string Time(ReplicaChange? c) => c is null ? "–" : c.At.ToString("0.0", CultureInfo.InvariantCulture);
}
