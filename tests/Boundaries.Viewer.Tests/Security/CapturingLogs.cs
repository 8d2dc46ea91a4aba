using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Boundaries.Viewer.Tests.Security;

/// <summary>Keeps every log message (all levels, with exception text) so a test can search them for secrets.</summary>
internal sealed class CapturingLogs : ILoggerProvider, ILoggerFactory
{
    public ConcurrentQueue<string> Messages { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Messages.Enqueue($"{category} {logLevel} {eventId.Id} {formatter(state, exception)} {exception} {state}");
    }
}
