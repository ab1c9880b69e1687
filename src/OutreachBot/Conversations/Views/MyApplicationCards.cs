using OutreachBot.CivicEvents;
using OutreachBot.CivicEvents.Applications;

namespace OutreachBot.Conversations.Views;

/// <summary>One of the citizen's applications as a card: the event, its status or waiting place, and 取り消す.</summary>
public static class MyApplicationCards
{
    public static FlexBubble Bubble(BotTexts t, CivicEvent e, EventApplication application, TimeZoneInfo zone) => new()
    {
        Size = FlexBubbleSize.Kilo,
        Body = FlexBox.Vertical(
            new FlexText(e.TitleIn(t.Language)) { Weight = FlexWeight.Bold, Size = FlexSize.Large, Wrap = true },
            new FlexText(EventCards.When(t, e, zone)) { Size = FlexSize.Small, Wrap = true, Margin = FlexSize.Medium },
            new FlexText(t.Format(TextKeys.EventVenue, e.VenueIn(t.Language))) { Size = FlexSize.Small, Wrap = true, Margin = FlexSize.Small },
            new FlexText(Status(t, application)) { Size = FlexSize.Small, Color = CardColors.Accent, Weight = FlexWeight.Bold, Wrap = true, Margin = FlexSize.Medium }),
        Footer = FlexBox.Vertical(
            new FlexButton(Menus.Button(t[TextKeys.ApplicationsCancel], new Command.CancelApplication(e.Id, application.Number), LineLimits.FlexButtonLabel))
            {
                Style = FlexButtonStyle.Secondary,
                Height = FlexSize.Small,
            }),
    };

    public static string Status(BotTexts t, EventApplication application) =>
        application.Status == EventApplication.Waiting
            ? t.Format(TextKeys.ApplicationsWaiting, application.Position, application.PartySize, application.Number)
            : t.Format(TextKeys.ApplicationsConfirmed, application.PartySize, application.Number);
}
