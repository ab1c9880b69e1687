namespace OutreachBot.Line.Webhooks;

/// <summary>A user tapped a postback, date-time picker or rich menu switch action.</summary>
public sealed record PostbackEvent : WebhookEvent
{
    public string? ReplyToken { get; init; }

    public required PostbackContent Postback { get; init; }
}

public sealed record PostbackContent
{
    /// <summary>The action's <c>data</c>, as the bot set it (at most 300 characters).</summary>
    public required string Data { get; init; }

    public PostbackParams? Params { get; init; }
}

/// <summary>
/// A string map in webhook.yml; these are the keys LINE documents. A date-time picker sends the one of
/// date, time or datetime that matches its mode; a rich menu switch sends the alias and status.
/// </summary>
public sealed record PostbackParams
{
    /// <summary><c>yyyy-MM-dd</c>.</summary>
    public string? Date { get; init; }

    /// <summary><c>HH:mm</c>.</summary>
    public string? Time { get; init; }

    /// <summary><c>yyyy-MM-ddTHH:mm</c>.</summary>
    public string? Datetime { get; init; }

    public string? NewRichMenuAliasId { get; init; }

    /// <summary><c>SUCCESS</c>, <c>RICHMENU_ALIAS_ID_NOTFOUND</c>, <c>RICHMENU_NOTFOUND</c> or <c>FAILED</c>.</summary>
    public string? Status { get; init; }
}
