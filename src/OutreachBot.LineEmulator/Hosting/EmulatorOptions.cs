using Microsoft.Extensions.Options;

namespace OutreachBot.LineEmulator.Hosting;

/// <summary>The emulated channel. Bound from the <c>Emulator</c> section when run standalone.</summary>
public sealed class EmulatorOptions
{
    public const string SectionName = "Emulator";

    /// <summary>Accepted when no token is configured, so a bare emulator and a bot in local mode agree.</summary>
    public const string DefaultChannelAccessToken = "emulator-channel-access-token";

    /// <summary>
    /// Channel access tokens the API accepts as <c>Authorization: Bearer</c>; anything else gets 401. Empty means
    /// <see cref="DefaultChannelAccessToken"/>.
    /// </summary>
    public IList<string> ChannelAccessTokens { get; } = [];

    internal IReadOnlyList<string> AcceptedTokens => ChannelAccessTokens.Count == 0 ? [DefaultChannelAccessToken] : [.. ChannelAccessTokens];

    /// <summary>Signs the webhooks the chat page sends to the bot.</summary>
    public string ChannelSecret { get; set; } = "emulator-channel-secret";

    /// <summary>Where the chat page sends webhooks (the bot's <c>/webhook/line</c>).</summary>
    public Uri? BotWebhookUrl { get; set; }

    /// <summary>The bot's own user id, sent as <c>destination</c> in the webhooks the chat page sends.</summary>
    public string BotUserId { get; set; } = Chat.ChatOptions.DefaultDestination;

    /// <summary>The month's target limit (<c>limited</c>); null means no limit (<c>none</c>).</summary>
    public long? MonthlyQuota { get; set; } = 5000;

    /// <summary>The folder of <c>.eml</c> files the chat page's mail panel shows (local mode's mails); null = no panel.</summary>
    public string? MailFolder { get; set; }

    public TimeSpan ReplyTokenLifetime { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan RetryKeyLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Answer 429 past LINE's per-channel rates (multicast 200/s, push and bulk link 2,000/s, loading animation 100/s,
    /// the rich menu batch 3 an hour and its progress 100 an hour).
    /// </summary>
    public bool EnforceRateLimits { get; set; }

    /// <summary>How many users a rich menu batch request goes through each second, in the background after its 202.</summary>
    public int RichMenuBatchUsersPerSecond { get; set; } = 100_000;

    /// <summary>The Facebook Page, Instagram account and Page access token the emulated Graph API plays.</summary>
    public Meta.MetaAccounts Meta { get; set; } = new();

    internal void CopyTo(EmulatorOptions target)
    {
        target.ChannelAccessTokens.Clear();
        foreach (var token in ChannelAccessTokens)
        {
            target.ChannelAccessTokens.Add(token);
        }

        target.ChannelSecret = ChannelSecret;
        target.BotWebhookUrl = BotWebhookUrl;
        target.BotUserId = BotUserId;
        target.MonthlyQuota = MonthlyQuota;
        target.ReplyTokenLifetime = ReplyTokenLifetime;
        target.RetryKeyLifetime = RetryKeyLifetime;
        target.EnforceRateLimits = EnforceRateLimits;
        target.RichMenuBatchUsersPerSecond = RichMenuBatchUsersPerSecond;
        target.MailFolder = MailFolder;
        target.Meta = Meta with { };
    }
}

internal sealed class EmulatorOptionsValidator : IValidateOptions<EmulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, EmulatorOptions options)
    {
        var failures = new List<string>();
        if (options.ChannelAccessTokens.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add("Emulator:ChannelAccessTokens must not hold an empty token.");
        }

        if (string.IsNullOrEmpty(options.ChannelSecret))
        {
            failures.Add("Emulator:ChannelSecret is required.");
        }

        if (options.MonthlyQuota is < 0)
        {
            failures.Add("Emulator:MonthlyQuota must not be negative.");
        }

        if (options.ReplyTokenLifetime <= TimeSpan.Zero || options.RetryKeyLifetime <= TimeSpan.Zero)
        {
            failures.Add("Emulator:ReplyTokenLifetime and Emulator:RetryKeyLifetime must be positive.");
        }

        if (options.RichMenuBatchUsersPerSecond <= 0)
        {
            failures.Add("Emulator:RichMenuBatchUsersPerSecond must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
