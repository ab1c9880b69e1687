namespace OutreachBot.LineEmulator.Meta;

/// <summary>The emulated Facebook Page and the Instagram professional account linked to it, reached with one Page access token.</summary>
public sealed record MetaAccounts
{
    public const string DefaultPageAccessToken = "emulator-page-access-token";

    public string PageId { get; set; } = "104000000000001";

    public string PageName { get; set; } = "〇〇市 市民活動";

    public string InstagramUserId { get; set; } = "17841400000000001";

    public string InstagramUsername { get; set; } = "city_shimin_katsudo";

    public string PageAccessToken { get; set; } = DefaultPageAccessToken;

    /// <summary>Instagram's publishing limit over a moving 24 hours (<c>config.quota_total</c>); Meta documents 50 or 100.</summary>
    public int InstagramQuotaTotal { get; set; } = 100;

    /// <summary>
    /// Where the emulator fetches an <c>image_url</c>'s path from instead of its own host, for tests and demos whose
    /// https image addresses point at a host the emulator cannot reach (its own sample images, say); null fetches the URL itself.
    /// </summary>
    public Uri? ImageFetchBase { get; set; }

    /// <summary>How many reads of a new container's <c>status_code</c> answer <c>IN_PROGRESS</c> before <c>FINISHED</c>.</summary>
    public int ContainerReadsInProgress { get; set; } = 1;
}
