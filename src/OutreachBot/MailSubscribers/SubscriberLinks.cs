using OutreachBot.PublicSite;

namespace OutreachBot.MailSubscribers;

/// <summary>
/// The absolute links mails carry: confirm a subscription, manage it (topics, language, leave), and the RFC 8058
/// one-click unsubscribe target for <c>List-Unsubscribe</c> (a POST there unsubscribes with no page in between; a GET
/// shows a page with one button, since mail scanners follow links).
/// </summary>
public sealed class SubscriberLinks(PublicBaseUrl baseUrl, SubscriberTokens tokens)
{
    public const string ConfirmPath = "/subscribe/confirm";
    public const string ManagePath = "/subscribe/manage";
    public const string UnsubscribePath = "/subscribe/unsubscribe";

    public Uri Confirm(long subscriberId, int tokenVersion, string language) =>
        Link(ConfirmPath, tokens.Create(SubscriberTokenPurpose.Confirm, subscriberId, tokenVersion), language);

    public Uri Manage(long subscriberId, int tokenVersion, string language) =>
        Link(ManagePath, tokens.Create(SubscriberTokenPurpose.Manage, subscriberId, tokenVersion), language);

    /// <summary>A broadcast mail's two links, manage and one-click unsubscribe, on one token: they grant the same, and a token costs a signature.</summary>
    public (Uri Manage, Uri Unsubscribe) ForMail(long subscriberId, int tokenVersion, string language)
    {
        var token = tokens.Create(SubscriberTokenPurpose.Manage, subscriberId, tokenVersion);
        return (Link(ManagePath, token, language), Link(UnsubscribePath, token, language: null));
    }

    private Uri Link(string path, string token, string? language) =>
        baseUrl.Link(language is null or TextCatalog.NeutralLanguage ? $"{path}?t={token}" : $"{path}?t={token}&{PublicPage.LanguageParameter}={Uri.EscapeDataString(language)}");
}
