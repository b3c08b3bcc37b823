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

        return errors;
    }
}
