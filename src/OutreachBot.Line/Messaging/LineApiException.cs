using System.Net;

namespace OutreachBot.Line.Messaging;

/// <summary>
/// A call LINE did not accept, after the client's own retries. <see cref="IsTransient"/> tells a caller whether the
/// same call (same retry key) may succeed later (429, 5xx, timeout, dropped connection) or will fail again (other 4xx).
/// <see cref="Exception.Message"/> is LINE's own message when it sent one.
/// </summary>
public sealed class LineApiException : Exception
{
    public LineApiException()
    {
    }

    public LineApiException(string message)
        : base(message)
    {
    }

    public LineApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LineApiException(string operation, HttpStatusCode? statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Operation = operation;
        StatusCode = statusCode;
    }

    /// <summary>The client method that failed, e.g. <c>multicast</c>.</summary>
    public string? Operation { get; }

    /// <summary>LINE's status code; null when no answer came (timeout, connection dropped or refused).</summary>
    public HttpStatusCode? StatusCode { get; }

    public bool IsTransient => StatusCode is null or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
        || (int)StatusCode >= 500;

    public IReadOnlyList<LineErrorDetail> Details { get; init; } = [];

    /// <summary>The <c>x-line-request-id</c> of the failed answer, for LINE support.</summary>
    public string? RequestId { get; init; }

    /// <summary>LINE's <c>Retry-After</c>, when it sent one with a 429.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
