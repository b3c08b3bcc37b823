namespace Autoscaler.MetricsAdapter.Storage;

/// <summary>Options of the embedded SQLite sample store (the push source's storage).</summary>
public sealed class SampleStoreOptions
{
    /// <summary>Path of the SQLite database file. Default <c>data/samples.db</c> (relative to the working
    /// directory). Use <c>:memory:</c> for a store that does not survive a restart (tests only).</summary>
    public string DatabasePath { get; set; } = Path.Combine("data", "samples.db");

    /// <summary>How long samples are kept. Default 1 hour; must be positive.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often expired samples are deleted. Default 1 minute; must be positive.</summary>
    public TimeSpan PruneInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Most series in the store; a batch that would create more is refused with <c>RESOURCE_EXHAUSTED</c>
    /// (existing series keep accepting samples; series expire after <see cref="Retention"/>). Default 100,000.</summary>
    public int MaxSeries { get; set; } = 100_000;

    /// <summary>Most series in one namespace (same refusal). Default 10,000.</summary>
    public int MaxSeriesPerNamespace { get; set; } = 10_000;

    /// <summary>Most rows of sample history on disk; beyond it the oldest samples are trimmed early (never a series'
    /// newest point). Default 5,000,000 (about 100-150 MB of SQLite file); at least <see cref="MaxSeries"/>.</summary>
    public long MaxSamples { get; set; } = 5_000_000;

    /// <summary>The limits as the store takes them.</summary>
    internal SampleStoreLimits Limits => new(MaxSeries, MaxSeriesPerNamespace, MaxSamples);

    /// <summary>Returns every problem with these options (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(DatabasePath))
        {
            errors.Add("Storage:DatabasePath must not be empty");
        }

        if (Retention <= TimeSpan.Zero)
        {
            errors.Add($"Storage:Retention must be positive (got {Retention})");
        }

        if (PruneInterval <= TimeSpan.Zero)
        {
            errors.Add($"Storage:PruneInterval must be positive (got {PruneInterval})");
        }

        if (MaxSeries <= 0 || MaxSeriesPerNamespace <= 0)
        {
            errors.Add($"Storage:MaxSeries and Storage:MaxSeriesPerNamespace must be positive (got {MaxSeries}, {MaxSeriesPerNamespace})");
        }

        if (MaxSamples < MaxSeries)
        {
            errors.Add($"Storage:MaxSamples must be at least Storage:MaxSeries (got {MaxSamples} < {MaxSeries}): every series keeps its newest sample");
        }

        return errors;
    }
}
