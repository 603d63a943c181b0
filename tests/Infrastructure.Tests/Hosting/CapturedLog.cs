using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Koppel.Infrastructure.Tests.Hosting;

/// <summary>Keeps every log line the hub writes during tests, so a test can prove no secret was ever logged.</summary>
public static class CapturedLog
{
    public static readonly ConcurrentQueue<string> Lines = new();
    public static readonly ILoggerProvider Provider = new CapturingProvider();

    private sealed class CapturingProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string category) => new Logger(category);
        public void Dispose() { }
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel level) => true;
        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? e, Func<TState, Exception?, string> format) =>
            Lines.Enqueue($"{level} {category}: {format(state, e)} {e}");
    }
}
