using Microsoft.Extensions.Options;
using OutreachBot.Conversations.Views;
using OutreachBot.Line.Messaging;
using OutreachBot.Resources;
using OutreachBot.Surveys;

namespace OutreachBot.CivicEvents.Applications;

/// <summary>The text of a notice in the citizen's language, from the event as it is when the notice goes.</summary>
public sealed class NoticeMessages(CivicEventStore events, SurveyStore surveys, TextCatalog texts, IOptions<BotOptions> bot, TimeProvider time)
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
            return e.SurveyId is { } surveyId && await surveys.FindAsync(surveyId, cancellationToken) is { } survey && survey.IsOpenAt(time.GetUtcNow())
                ? SurveyMessages.AfterEvent(t, e.TitleIn(t.Language), survey)
                : RatingMessages.Thanks(t, e, notice.Number ?? 0);
        }

        var text = Text(t, e, notice.Kind, notice.Number, bot.Value.Zone);
        return text is null ? null : TextMessage.Create(LineLimits.Truncate(text, LineLimits.TextLength));
    }

    /// <summary>What a notice says, in LINE and in a web applicant's mail alike; null for a kind that has its own message.</summary>
    public static string? Text(BotTexts t, CivicEvent e, string kind, long? number, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(e);
        var when = EventCards.When(t, e, zone);
        return kind switch
        {
            WaitingList.MovedUpNotice => t.Format(TextKeys.NoticeMovedUp, e.TitleIn(t.Language), $"{when}\n{t.Format(TextKeys.EventVenue, e.VenueIn(t.Language))}", number),
            NoticeLedger.Cancelled => t.Format(TextKeys.NoticeCancelled, e.TitleIn(t.Language), when, number),
            NoticeLedger.Moved => t.Format(TextKeys.NoticeMoved, e.TitleIn(t.Language), when, e.VenueIn(t.Language)),
            _ => null,
        };
    }
}
