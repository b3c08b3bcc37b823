namespace Autoscaler.Simulator.Reporting;

/// <summary>
/// Writes a set of files all-or-nothing: into a fresh temporary folder beside the target, then moved into
/// place. A failure part way leaves the target as it was.
/// </summary>
internal static class OutputFolder
{
    public static void WriteAll(string target, IReadOnlyDictionary<string, Action<TextWriter>> files)
    {
        var full = Path.GetFullPath(target);
        var parent = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(full)}.tmp-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
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
            Directory.Delete(temp, recursive: true);
        }
        catch
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
            throw;
        }
    }
}
