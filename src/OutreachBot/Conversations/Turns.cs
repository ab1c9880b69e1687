using Microsoft.Extensions.Options;
using OutreachBot.Subscriptions;
using OutreachBot.Webhook;

namespace OutreachBot.Conversations;

/// <summary>Makes the <see cref="Turn"/> of an event: the citizen's language and texts, the time, the reply token.</summary>
public sealed partial class Turns(
    CitizenStore citizens,
    ConversationStateStore states,
    TextCatalog texts,
    LineMessagingClient line,
    IOptions<ConversationOptions> options,
    IOptions<BotOptions> bot,
    TimeProvider time,
    ILogger<Turns> logger)
{
    public Turn New(InboxEvent inboxEvent, string userId, string language, string? replyToken) =>
        new(userId, texts.For(language), inboxEvent, replyToken, time.GetUtcNow());

    /// <summary>
    /// The turn of a citizen, recorded as following if the bot has no such record: someone who followed before the
    /// bot ran, or whose follow event never came, can still talk with it. Null when a newer unfollow is on record than
    /// the event: a late event neither makes the citizen follow again nor is answered.
    /// </summary>
    public async Task<Turn?> ForAsync(InboxEvent inboxEvent, string userId, string? replyToken, CancellationToken cancellationToken)
    {
        var partner = await states.FindPartnerAsync(userId, cancellationToken);
        var language = partner?.Language;
        if (partner is not { Following: true })
        {
            var profile = partner is null ? await TryGetProfileAsync(userId, cancellationToken) : null;
            var follow = await citizens.FollowAsync(userId, GuessLanguage(profile), profile?.DisplayName, inboxEvent.OccurredAt, cancellationToken);
            if (!follow.Following)
            {
                LogStaleEvent(inboxEvent.Id);
                return null;
            }

            language = follow.Language;
        }

        var turn = New(inboxEvent, userId, language!, replyToken);
        return turn with { Awaiting = partner?.AwaitingAt(turn.Now) };
    }

    /// <summary>The supported language nearest the LINE profile's, else <c>Bot:DefaultLanguage</c>.</summary>
    public string GuessLanguage(UserProfile? profile) => Languages.FromLineProfile(profile?.Language) ?? bot.Value.DefaultLanguage;

    /// <summary>The LINE profile, or null when LINE does not give it soon: a greeting must not wait for it.</summary>
    public async Task<UserProfile?> TryGetProfileAsync(string userId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.ProfileTimeout);
        try
        {
            return (await line.GetProfileAsync(userId, timeout.Token)).Value;
        }
        catch (LineApiException ex)
        {
            LogNoProfile(ex.StatusCode);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            LogNoProfile(null);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox event {Id} happened before the citizen's last unfollow; not answered")]
    private partial void LogStaleEvent(long id);

    [LoggerMessage(Level = LogLevel.Information, Message = "No LINE profile for a citizen ({Status}); using the default language")]
    private partial void LogNoProfile(System.Net.HttpStatusCode? status);
}
