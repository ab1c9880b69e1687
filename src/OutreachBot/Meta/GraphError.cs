namespace OutreachBot.Meta;

/// <summary>Meta refused a call: its <c>error</c> object, and for throttling how long the usage headers say to wait.</summary>
public sealed class GraphApiException(int status, int code, int? subcode, string message, string? fbTraceId, TimeSpan? regainAfter)
    : Exception($"Graph API error {code}{(subcode is null ? "" : $"/{subcode}")}: {message}")
{
    /// <summary>Meta's throttling codes: application, user, Page, custom, Pages and Instagram business use case.</summary>
    public static readonly IReadOnlySet<int> ThrottlingCodes = new HashSet<int> { 4, 17, 32, 613, 80001, 80002 };

    public int Status { get; } = status;

    public int Code { get; } = code;

    public int? Subcode { get; } = subcode;

    public string GraphMessage { get; } = message;

    public string? FbTraceId { get; } = fbTraceId;

    /// <summary>From <c>estimated_time_to_regain_access</c> in the usage headers, when Meta said.</summary>
    public TimeSpan? RegainAfter { get; } = regainAfter;

    public bool IsThrottling => ThrottlingCodes.Contains(Code);

    /// <summary>The token expired or was revoked (190): nothing goes until an admin connects again.</summary>
    public bool IsTokenInvalid => Code is 190 or 102 or 104;

    /// <summary>Meta's side failed (codes 1 and 2, or a 5xx): the same call may work later.</summary>
    public bool IsTransient => Status >= 500 || Code is 1 or 2;

    /// <summary>What staff read: Meta's own message with its code.</summary>
    public string Display => $"{GraphMessage} (code {Code}{(Subcode is null ? "" : $", subcode {Subcode}")})";
}

/// <summary>No answer came (timeout, dropped connection): whether Meta carried the call out is unknown.</summary>
public sealed class GraphUnansweredException(string operation, Exception inner)
    : Exception($"The Graph API did not answer {operation}: {inner.Message}", inner);
