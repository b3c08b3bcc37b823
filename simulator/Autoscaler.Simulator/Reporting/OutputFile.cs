namespace Autoscaler.Simulator.Reporting;

/// <summary>
/// Writes one output file all-or-nothing: into a temporary file beside the target, then renamed over it. A reader
/// never sees a half-written file and a failure leaves the target as it was.
/// </summary>
internal static class OutputFile
{
    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/> (text, UTF-8 without BOM).</summary>
    /// <exception cref="OutputWriteException">The file cannot be written (e.g. <paramref name="path"/> is a directory).</exception>
    public static void Write(string path, Action<TextWriter> write) => WriteStream(path, stream =>
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
        write(writer);
    });

    /// <summary>Writes <paramref name="path"/> with <paramref name="content"/>.</summary>
    /// <exception cref="OutputWriteException">The file cannot be written.</exception>
    public static void Write(string path, byte[] content) => WriteStream(path, stream => stream.Write(content));

    private static void WriteStream(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full) || path.EndsWith('/') || path.EndsWith(Path.DirectorySeparatorChar))
        {
            throw new OutputWriteException(path, "is a directory (give a file name)");
        }

        string? temp = null;
        try
        {
            var parent = Path.GetDirectoryName(full) ?? ".";
            if (File.Exists(parent)) throw new OutputWriteException(path, $"'{parent}' is a file, not a folder");
            Directory.CreateDirectory(parent);
            temp = Path.Combine(parent, $".{Path.GetFileName(full)}.tmp-{Guid.NewGuid():N}");
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (OutputWriteException.IsIo(e))
        {
            throw OutputWriteException.From(path, e);
        }
        finally
        {
            if (temp is not null) File.Delete(temp);
        }
    }
}
