using System.Globalization;
using OutreachBot.Conversations.Views;

namespace OutreachBot.Disaster.Shelters;

/// <summary>Open shelters as a Flex carousel (LINE takes at most 12 bubbles): name, kind, address, capacity, distance, a map link.</summary>
public static class ShelterCards
{
    public static FlexMessage Carousel(BotTexts t, IEnumerable<(Shelter Shelter, double? Meters)> shelters) =>
        new(t[DisasterTextKeys.SheltersAltText], new FlexCarousel([.. shelters.Take(LineLimits.CarouselBubbles).Select(s => Bubble(t, s.Shelter, s.Meters))]));

    /// <summary>「現在地を送る」: LINE's location picker; what the citizen shares comes back as a location message.</summary>
    public static QuickReply ShareLocation(BotTexts t) =>
        QuickReply.Of(new LocationAction(LineLimits.Truncate(t[DisasterTextKeys.ShareLocation], LineLimits.ActionLabel)));

    /// <summary>「350 m」「1.2 km」.</summary>
    public static string Distance(double meters) => meters < 1000
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Round(meters / 10) * 10:0} m")
        : string.Create(CultureInfo.InvariantCulture, $"{meters / 1000:0.0} km");

    private static FlexBubble Bubble(BotTexts t, Shelter shelter, double? meters)
    {
        var body = new List<FlexComponent>
        {
            new FlexText(shelter.NameIn(t.Language)) { Weight = FlexWeight.Bold, Size = FlexSize.Large, Wrap = true },
            new FlexText(t[ShelterKinds.TextKey(shelter.Kind)]) { Size = FlexSize.Small, Color = CardColors.Accent, Wrap = true, Margin = FlexSize.Small },
            new FlexText(shelter.Address) { Size = FlexSize.Small, Wrap = true, Margin = FlexSize.Medium },
        };
        if (meters is { } m)
        {
            body.Add(new FlexText(t.Format(DisasterTextKeys.ShelterDistance, Distance(m))) { Size = FlexSize.Medium, Weight = FlexWeight.Bold, Margin = FlexSize.Medium });
        }

        if (shelter.Capacity is { } capacity)
        {
            body.Add(new FlexText(t.Format(DisasterTextKeys.ShelterCapacity, capacity)) { Size = FlexSize.ExtraSmall, Color = CardColors.Muted, Margin = FlexSize.Small });
        }

        return new FlexBubble
        {
            Size = FlexBubbleSize.Kilo,
            Body = FlexBox.Vertical(body),
            Footer = FlexBox.Vertical(new FlexButton(new UriAction(LineLimits.Truncate(t[DisasterTextKeys.ShelterMap], LineLimits.FlexButtonLabel), shelter.MapUrl))
            {
                Style = FlexButtonStyle.Primary,
                Color = CardColors.Accent,
                Height = FlexSize.Small,
            }),
        };
    }
}
