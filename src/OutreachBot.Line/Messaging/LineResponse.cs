namespace OutreachBot.Line.Messaging;

/// <summary>An accepted call with no body, and its <c>x-line-request-id</c>.</summary>
public record LineResponse(string? RequestId);

/// <summary>An accepted call, its body and its <c>x-line-request-id</c>.</summary>
public sealed record LineResponse<T>(T Value, string? RequestId) : LineResponse(RequestId);

/// <summary>
/// A reply, push or multicast LINE accepted. A repeated retry key answers 409 with the first request's id: the
/// messages went out with that first request, so it counts as accepted, with <see cref="AlreadyAccepted"/> set.
/// </summary>
/// <param name="RetryKey">The <c>X-Line-Retry-Key</c> sent (push and multicast); reuse it to retry the same send.</param>
/// <param name="SentMessages">One per message; empty for multicast and for a repeat.</param>
public sealed record LineSendResult(string? RequestId, Guid? RetryKey, IReadOnlyList<SentMessage> SentMessages) : LineResponse(RequestId)
{
    /// <summary>The <c>x-line-accepted-request-id</c> of the first request with this retry key, on a 409.</summary>
    public string? AcceptedRequestId { get; init; }

    public bool AlreadyAccepted => AcceptedRequestId is not null;
}
