using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace OutreachBot.LineEmulator.Chat;

/// <summary>Where the chat page delivers the citizens' webhooks, and how it signs them.</summary>
public sealed class ChatOptions
{
    /// <summary>A made-up bot user id, used when the host sets none; LINE puts the bot's own user id in <c>destination</c>.</summary>
    public const string DefaultDestination = "Uc0ffee00000000000000000000000000";

    /// <summary>The bot's webhook endpoint, e.g. <c>http://localhost:5080/webhook/line</c>; until set, sends report that it is missing.</summary>
    public Uri? BotWebhookUrl { get; set; }

    /// <summary>The channel secret the bot verifies <c>x-line-signature</c> with. Set it wrong on purpose to see the bot answer 401.</summary>
    public string ChannelSecret { get; set; } = "";

    /// <summary>The bot's user id, sent as the body's <c>destination</c>.</summary>
    public string Destination { get; set; } = DefaultDestination;

    /// <summary>How long to wait for the bot's answer. LINE itself gives up much sooner; slow answers are flagged either way.</summary>
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(10);
}

internal sealed partial class ChatOptionsValidator : IValidateOptions<ChatOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatOptions options)
    {
        var failures = new List<string>();
        // Unset is allowed: a host that starts the emulator before the bot listens connects the two afterwards.
        if (options.BotWebhookUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            failures.Add("ChatOptions.BotWebhookUrl must be an absolute http(s) URL of the bot's webhook.");
        }

        if (string.IsNullOrEmpty(options.ChannelSecret))
        {
            failures.Add("ChatOptions.ChannelSecret must be set: webhooks are signed with it.");
        }

        if (!ChatIds.IsUserId(options.Destination))
        {
            failures.Add("ChatOptions.Destination must be a bot user id: 'U' and 32 lower-case hex digits.");
        }

        if (options.WebhookTimeout <= TimeSpan.Zero)
        {
            failures.Add("ChatOptions.WebhookTimeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

internal static partial class ChatIds
{
    public static bool IsUserId(string? value) => value is not null && UserIdPattern().IsMatch(value);

    [GeneratedRegex("^U[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserIdPattern();
}
