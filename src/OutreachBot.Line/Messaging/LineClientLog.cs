using Microsoft.Extensions.Logging;

namespace OutreachBot.Line.Messaging;

// Operation names, status codes and LINE's request ids only: never tokens, message bodies or recipient lists.
internal static partial class LineClientLog
{
    [LoggerMessage(1, LogLevel.Information, "LINE {Operation} answered {StatusCode}, x-line-request-id {RequestId}")]
    public static partial void Answered(ILogger logger, string operation, int statusCode, string? requestId);

    [LoggerMessage(2, LogLevel.Information,
        "LINE {Operation} answered 409 for a retry key it had accepted, x-line-request-id {RequestId}, accepted as {AcceptedRequestId}")]
    public static partial void AlreadyAccepted(ILogger logger, string operation, string? requestId, string acceptedRequestId);

    [LoggerMessage(3, LogLevel.Warning, "LINE {Operation} answered {StatusCode}, x-line-request-id {RequestId}: {LineMessage}")]
    public static partial void Refused(ILogger logger, string operation, int statusCode, string? requestId, string? lineMessage);

    [LoggerMessage(4, LogLevel.Warning, "LINE {Operation} got no answer after its retries ({Failure})")]
    public static partial void NoAnswer(ILogger logger, string operation, string failure);

    [LoggerMessage(5, LogLevel.Information, "LINE {Operation} try {Attempt} failed ({Failure}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string operation, int attempt, string failure, TimeSpan delay);
}
