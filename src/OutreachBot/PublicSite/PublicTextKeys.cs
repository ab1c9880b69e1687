namespace OutreachBot.PublicSite;

/// <summary>The keys of PublicTexts.resx: the public pages' frame, in every language.</summary>
public static class PublicTextKeys
{
    public const string SiteName = "Public.SiteName";
    public const string SkipToContent = "Public.SkipToContent";
    public const string Languages = "Public.Languages";
    public const string Footer = "Public.Footer";
}
