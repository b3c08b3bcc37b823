namespace Autoscaler.MetricsAdapter.Storage;

/// <summary>
/// The store's SQLite file cannot be created or opened where <c>Storage:DatabasePath</c> points (a missing or
/// unwritable directory, e.g. the default <c>data/samples.db</c> under <c>/app</c> on the image's read-only root
/// filesystem). Program.cs prints the message and exits 2 instead of crashing with a stack trace.
/// </summary>
/// <param name="message">Names the setting, the path as given and as resolved, the cause and the remedy.</param>
/// <param name="inner">The I/O or SQLite error.</param>
internal sealed class SampleStoreUnavailableException(string message, Exception inner) : Exception(message, inner);
