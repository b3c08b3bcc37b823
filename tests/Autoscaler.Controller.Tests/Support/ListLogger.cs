using Microsoft.Extensions.Logging;

namespace Autoscaler.Controller.Tests.Support;

/// <summary>A logger that keeps every entry (level, event name, message) for assertions.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public List<(LogLevel Level, string? Event, string Message)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Add((logLevel, eventId.Name, formatter(state, exception)));
}
