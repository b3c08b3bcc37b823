namespace Autoscaler.Simulator.Reporting;

/// <summary>
/// Writes a set of files all-or-nothing: into a fresh temporary folder beside the target, then moved into
/// place. A failure part way leaves the target as it was. When the target already exists, the simulator's own
/// output files (<see cref="KnownNames"/>) that this run does not write are removed in the same step, so the
/// folder never mixes two runs; any other file in it is left alone.
/// </summary>
internal static class OutputFolder
{
    /// <summary>Every file name a verb writes through this class (replay and compare).</summary>
    public static readonly IReadOnlyList<string> KnownNames =
        ["summary.json", "timeline.csv", "report.html", "decisions.jsonl", "compare.json", "compare.csv"];

    /// <summary>Writes <paramref name="files"/> (names from <see cref="KnownNames"/>) into folder <paramref name="target"/>.</summary>
    /// <exception cref="OutputWriteException">The folder cannot be written; the target is as it was.</exception>
    public static void WriteAll(string target, IReadOnlyDictionary<string, Action<TextWriter>> files)
    {
        var unknown = files.Keys.Where(n => !KnownNames.Contains(n)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"not a known output file: {string.Join(", ", unknown)}", nameof(files));
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        if (File.Exists(full)) throw new OutputWriteException(target, "is a file, not a folder");
        string? temp = null;
        try
        {
            var parent = Path.GetDirectoryName(full) ?? ".";
            if (File.Exists(parent)) throw new OutputWriteException(target, $"'{parent}' is a file, not a folder");
            Directory.CreateDirectory(parent);
            temp = Path.Combine(parent, $".{Path.GetFileName(full)}.tmp-{Guid.NewGuid():N}");
            Directory.CreateDirectory(temp);
            foreach (var (name, write) in files)
            {
                using var writer = new StreamWriter(Path.Combine(temp, name), append: false, new System.Text.UTF8Encoding(false));
                write(writer);
            }

            if (!Directory.Exists(full))
            {
                Directory.Move(temp, full);
                return;
            }

            foreach (var name in files.Keys) File.Move(Path.Combine(temp, name), Path.Combine(full, name), overwrite: true);
            foreach (var stale in KnownNames.Where(n => !files.ContainsKey(n))) File.Delete(Path.Combine(full, stale));
            Directory.Delete(temp, recursive: true);
        }
        catch (Exception e) when (OutputWriteException.IsIo(e))
        {
            throw OutputWriteException.From(target, e);
        }
        finally
        {
            if (temp is not null && Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }
}
