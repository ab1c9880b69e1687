using Microsoft.Extensions.Options;
using OutreachBot.Conversations.Views;
using OutreachBot.Line.Messaging;
using OutreachBot.Resources;

namespace OutreachBot.CivicEvents.Applications;

/// <summary>The text of a notice in the citizen's language, from the event as it is when the notice goes.</summary>
public sealed class NoticeMessages(CivicEventStore events, TextCatalog texts, IOptions<BotOptions> bot)
{
    public async Task<Message?> ForAsync(DueNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (await events.FindAsync(notice.EventId, cancellationToken) is not { } e)
        {
            return null;
        }

        var t = texts.For(notice.Language);
        if (notice.Kind == ThanksNotices.Kind)
        {
            return RatingMessages.Thanks(t, e, notice.Number ?? 0);
        }

        var when = EventCards.When(t, e, bot.Value.Zone);
        var text = notice.Kind switch
        {
            WaitingList.MovedUpNotice => t.Format(TextKeys.NoticeMovedUp, e.TitleIn(t.Language), $"{when}\n{t.Format(TextKeys.EventVenue, e.VenueIn(t.Language))}", notice.Number),
            NoticeLedger.Cancelled => t.Format(TextKeys.NoticeCancelled, e.TitleIn(t.Language), when, notice.Number),
            NoticeLedger.Moved => t.Format(TextKeys.NoticeMoved, e.TitleIn(t.Language), when, e.VenueIn(t.Language)),
            _ => null,
        };
        return text is null ? null : TextMessage.Create(LineLimits.Truncate(text, LineLimits.TextLength));
    }
}
