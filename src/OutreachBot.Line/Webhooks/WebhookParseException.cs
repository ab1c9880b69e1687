namespace OutreachBot.Line.Webhooks;

/// <summary>The text is not a webhook event or payload that LINE could have sent; the message says where and why.</summary>
public sealed class WebhookParseException : Exception
{
    public WebhookParseException()
    {
    }

    public WebhookParseException(string message)
        : base(message)
    {
    }

    public WebhookParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
