using OutreachBot.Webhook;

namespace OutreachBot.Conversations;

/// <summary>One event of a conversation being answered: who, in which language, when, and the token to reply with.</summary>
public sealed record Turn(string UserId, BotTexts Texts, InboxEvent Event, string? ReplyToken, DateTimeOffset Now)
{
    public string Language => Texts.Language;

    /// <summary>What the bot awaited from the citizen when this turn began (see <see cref="ConversationStateStore"/>), if anything.</summary>
    public string? Awaiting { get; init; }

    /// <summary>Whether a confirmation offered at <paramref name="askedAt"/> (unix seconds) may still be acted on.</summary>
    public bool IsFresh(long askedAt, TimeSpan lifetime)
    {
        var asked = DateTimeOffset.FromUnixTimeSeconds(Math.Min(askedAt, DateTimeOffset.MaxValue.ToUnixTimeSeconds()));
        // A little slack forwards: the instance that offered the button may run a clock slightly ahead of this one.
        return asked <= Now + TimeSpan.FromMinutes(5) && Now - asked <= lifetime;
    }
}
