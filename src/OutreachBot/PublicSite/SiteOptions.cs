namespace OutreachBot.PublicSite;

/// <summary>The <c>Site</c> settings: where residents reach the bot's public pages.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>
    /// The absolute https base of links in mails and feeds (e.g. <c>https://outreach.city.example.jp/</c>). Unset in local
    /// mode: the bot's own address then.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}
