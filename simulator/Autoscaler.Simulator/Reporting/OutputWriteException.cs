namespace Autoscaler.Simulator.Reporting;

/// <summary>
/// An output file or folder could not be written (an existing file where a folder is expected, a folder where a file
/// is expected, no permission, a read-only or missing location). Every verb prints <see cref="Exception.Message"/>,
/// one line <c>PATH: error: cannot write output: REASON</c>, and exits 2; nothing of the run is left half-written.
/// </summary>
internal sealed class OutputWriteException : Exception
{
    public OutputWriteException(string path, string reason)
        : base($"{path}: error: cannot write output: {reason}")
    {
    }

    public OutputWriteException()
    {
    }

    public OutputWriteException(string message)
        : base(message)
    {
    }

    public OutputWriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The reason an I/O failure on <paramref name="path"/> gives, in the user's terms (no temporary names).</summary>
    public static OutputWriteException From(string path, Exception e) => new(path, e switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => $"cannot create files in '{Path.GetDirectoryName(Path.GetFullPath(path))}'",
        _ => e.Message,
    });

    /// <summary>True for the exceptions file-system writes throw.</summary>
    public static bool IsIo(Exception e) => e is IOException or UnauthorizedAccessException or NotSupportedException;
}
