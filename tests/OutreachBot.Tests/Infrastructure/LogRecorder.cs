using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OutreachBot.Tests.Infrastructure;

/// <summary>Keeps what the bot logs, to check that no address is among it.</summary>
public sealed class LogRecorder : ILoggerProvider, ILogger
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyCollection<string> Messages => _messages;

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _messages.Enqueue(formatter(state, exception) + exception);

    public void Dispose()
    {
    }
}
