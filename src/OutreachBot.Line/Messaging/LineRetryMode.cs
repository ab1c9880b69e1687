namespace OutreachBot.Line.Messaging;

/// <summary>
/// Which failures of a request the client retries by itself. A 429 is always retried: LINE refused the request
/// without acting on it. The rest (5xx, 408, timeouts, dropped connections) may hide a request LINE did act on, so
/// they are retried only when acting twice is harmless:
/// <list type="bullet">
/// <item>GET, DELETE, link/unlink, set default, alias update, loading animation, mark as read: same state twice.</item>
/// <item>Push and multicast: they always carry <c>X-Line-Retry-Key</c>, so LINE answers a repeat with 409 and sends nothing twice.</item>
/// <item>Reply: a reply token works once, so a repeat can never deliver twice; at worst it answers 400 "Invalid reply token".</item>
/// </list>
/// Rich menu creation, image upload and alias creation are retried only on 429 (a repeat would make a second menu, or fail).
/// </summary>
public enum LineRetryMode
{
    Idempotent,
    OnlyWhenRejected,
}

internal static class LineRequestOptions
{
    public static readonly HttpRequestOptionsKey<string> Operation = new("OutreachBot.Line.Operation");
    public static readonly HttpRequestOptionsKey<LineRetryMode> RetryMode = new("OutreachBot.Line.RetryMode");
}

/// <summary>LINE's header names.</summary>
public static class LineHeaders
{
    public const string RequestId = "x-line-request-id";
    public const string AcceptedRequestId = "x-line-accepted-request-id";
    public const string RetryKey = "X-Line-Retry-Key";
}
