using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutreachBot.Broadcasts;
using OutreachBot.Broadcasts.Authoring;

namespace OutreachBot.Pages.Broadcasts;

/// <summary>
/// The compose form as typed: every field kept as text so that an error shows it again unchanged. One variant per
/// supported language (Japanese required), each with up to five message slots; it becomes the API's
/// <see cref="BroadcastInput"/>, so the console and the API are checked by the same rules.
/// </summary>
public sealed class BroadcastForm
{
    public string? Title { get; set; }

    public List<MessageVariant> Variants { get; set; } = [];

    public List<string> Topics { get; set; } = [];

    public string Match { get; set; } = "any";

    public List<string> Languages { get; set; } = [];

    /// <summary>Every follower whatever their topics: urgent, in disaster mode or a drill only.</summary>
    public bool All { get; set; }

    /// <summary>line, mail, web as checked; the form also posts an empty value, so that none checked is told from none posted.</summary>
    public List<string> Channels { get; set; } = ["line"];

    /// <summary>Names of districts from the city's list.</summary>
    public List<string> Districts { get; set; } = [];

    /// <summary>10s … 80+.</summary>
    public List<string> AgeBands { get; set; } = [];

    /// <summary>Slugs of skills from the city's list.</summary>
    public List<string> Skills { get; set; } = [];

    /// <summary>mon … sun.</summary>
    public List<string> FreeDays { get; set; } = [];

    /// <summary>now, at, cron or event.</summary>
    public string Schedule { get; set; } = "now";

    /// <summary>Wall-clock time in <c>Bot:TimeZone</c>, as a datetime-local input sends it.</summary>
    public string? At { get; set; }

    public string? Cron { get; set; }

    public string? EventId { get; set; }

    public string? HoursBefore { get; set; } = "24";

    public bool Urgent { get; set; }

    /// <summary>The Facebook and Instagram post's own text; blank: built from the Japanese messages.</summary>
    public string? SocialText { get; set; }

    /// <summary>Other languages whose texts are added below the post's.</summary>
    public List<string> SocialLanguages { get; set; } = [];

    public bool SocialHoldInQuietHours { get; set; }

    public MessageVariant Variant(string language) => Variants.First(v => v.Language == language);

    /// <summary>The mail subjects typed, per language (blank ones left out: those languages fall back).</summary>
    public Dictionary<string, string> MailSubjects() =>
        Variants.Where(v => !string.IsNullOrWhiteSpace(v.MailSubject)).ToDictionary(v => v.Language, v => v.MailSubject!.Trim(), StringComparer.Ordinal);

    /// <summary>One variant per language, each with <see cref="LineLimitsForForm.Slots"/> slots, the filled ones first.</summary>
    public BroadcastForm Normalize()
    {
        Variants = [.. OutreachBot.Languages.Supported.Select(l =>
        {
            var variant = Variants.FirstOrDefault(v => v.Language == l.Code) ?? new MessageVariant { Language = l.Code };
            variant.Slots = [.. variant.Slots.Where(s => !s.IsEmpty).Take(LineLimitsForForm.Slots)];
            while (variant.Slots.Count < LineLimitsForForm.Slots)
            {
                variant.Slots.Add(new MessageSlot());
            }

            return variant;
        })];
        return this;
    }

    public BroadcastInput ToInput(bool draft)
    {
        Normalize();
        var messages = new Dictionary<string, JsonElement>();
        foreach (var variant in Variants.Where(v => v.Language == OutreachBot.Languages.Japanese || v.Slots.Any(s => !s.IsEmpty)))
        {
            var array = new JsonArray([.. variant.Slots.Where(s => !s.IsEmpty).Select(s => s.ToJson())]);
            messages[variant.Language] = JsonSerializer.SerializeToElement(array);
        }

        var schedule = Schedule switch
        {
            "at" => new ScheduleInput(At ?? "", null, null),
            "cron" => new ScheduleInput(null, Cron ?? "", null),
            "event" => new ScheduleInput(null, null, new BeforeEventInput(EventId?.Trim(), HoursOffset())),
            _ => null,
        };
        return new BroadcastInput(
            Title, messages, Target(),
            schedule, Urgent, draft,
            [.. Channels.Where(c => !string.IsNullOrWhiteSpace(c))],
            new MailInput(MailSubjects()),
            new SocialInput(SocialText, SocialLanguages, SocialHoldInQuietHours));
    }

    /// <summary>The target as chosen: empty lists ask nothing.</summary>
    public TargetInput Target() => new(Topics, Match, Languages.Count > 0 ? Languages : null, Districts.Count > 0 ? Districts : null, null)
    {
        All = All ? true : null,
        AgeBands = AgeBands,
        Skills = Skills,
        FreeDays = FreeDays,
    };

    public static BroadcastForm From(Broadcast broadcast, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        var stored = JsonNode.Parse(broadcast.MessagesJson)!.AsObject();
        var form = new BroadcastForm
        {
            Title = broadcast.Title,
            Variants = [.. stored.Select(p => new MessageVariant
            {
                Language = p.Key,
                MailSubject = broadcast.MailSubjects.GetValueOrDefault(p.Key),
                Slots = [.. p.Value!.AsArray().Select(m => MessageSlot.From(m!, zone))],
            })],
            Topics = [.. broadcast.Target.Topics],
            Match = broadcast.Target.MatchAll ? "all" : "any",
            All = broadcast.Target.All,
            Languages = [.. broadcast.Target.Languages ?? []],
            Districts = [.. broadcast.Target.Districts ?? []],
            AgeBands = [.. broadcast.Target.Profile?.AgeBands ?? []],
            Skills = [.. broadcast.Target.Profile?.Skills ?? []],
            FreeDays = [.. broadcast.Target.Profile?.FreeDays ?? []],
            Schedule = BroadcastNames.Of(broadcast.Schedule.Kind),
            At = broadcast.Schedule is { Kind: ScheduleKind.At, SendAt: { } at } ? Local(at, zone) : null,
            Cron = broadcast.Schedule.Cron,
            EventId = broadcast.Schedule.EventId,
            HoursBefore = broadcast.Schedule.EventOffset is { } offset ? offset.TotalHours.ToString(CultureInfo.InvariantCulture) : "24",
            Urgent = broadcast.Urgent,
            Channels = [.. broadcast.Channels.Select(c => BroadcastNames.Of(c))],
            SocialText = broadcast.Social.Text,
            SocialLanguages = [.. broadcast.Social.AddedLanguages],
            SocialHoldInQuietHours = broadcast.Social.HoldInQuietHours,
        };
        return form.Normalize();
    }

    private string? HoursOffset() =>
        double.TryParse(HoursBefore, NumberStyles.Float, CultureInfo.InvariantCulture, out var hours) && hours >= 0
            ? System.Xml.XmlConvert.ToString(TimeSpan.FromHours(hours))
            : HoursBefore; // kept as typed, so the service refuses it with its own message

    private static string Local(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}

public sealed class MessageVariant
{
    public string Language { get; set; } = OutreachBot.Languages.Japanese;

    /// <summary>The mail's subject in this language; blank: the Japanese one, else the title.</summary>
    public string? MailSubject { get; set; }

    public List<MessageSlot> Slots { get; set; } = [];
}

public static class LineLimitsForForm
{
    public const int Slots = OutreachBot.Line.Messaging.LineLimits.MessagesPerRequest;
    public const int CardTitle = 100;
}

/// <summary>One message: a text, an image, an event card, or any other LINE message as JSON.</summary>
public sealed class MessageSlot
{
    /// <summary>text, image, card or json; empty for an unused slot.</summary>
    public string? Type { get; set; }

    public string? Text { get; set; }

    public string? ImageUrl { get; set; }

    public string? PreviewUrl { get; set; }

    /// <summary>What the image shows, for mail and web readers (LINE does not take it).</summary>
    public string? AltText { get; set; }

    public string? CardTitle { get; set; }

    public string? CardStartsAt { get; set; }

    public string? CardVenue { get; set; }

    public string? CardUrl { get; set; }

    public string? CardImageUrl { get; set; }

    public string? Json { get; set; }

    public bool IsEmpty => Type switch
    {
        "text" => string.IsNullOrEmpty(Text),
        "image" => new[] { ImageUrl, PreviewUrl, AltText }.All(string.IsNullOrWhiteSpace),
        "card" => new[] { CardTitle, CardStartsAt, CardVenue, CardUrl, CardImageUrl }.All(string.IsNullOrWhiteSpace),
        "json" => string.IsNullOrWhiteSpace(Json),
        _ => true,
    };

    public JsonNode ToJson() => Type switch
    {
        // Browsers send a textarea's line ends as CRLF; LINE shows LF, and the counter beside the field counted LF.
        "text" => new JsonObject { ["type"] = "text", ["text"] = Text?.ReplaceLineEndings("\n") },
        "image" => Image(),
        "card" => Card(),
        _ => ParseJson(),
    };

    public static MessageSlot From(JsonNode message, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(message);
        var type = message["type"]?.GetValue<string>();
        if (type == "text" && message.AsObject().Count == 2)
        {
            return new MessageSlot { Type = "text", Text = message["text"]?.GetValue<string>() };
        }

        if (type == "image" && message.AsObject().Count == (message["altText"] is null ? 3 : 4))
        {
            return new MessageSlot
            {
                Type = "image", ImageUrl = message["originalContentUrl"]?.GetValue<string>(), PreviewUrl = message["previewImageUrl"]?.GetValue<string>(),
                AltText = message["altText"]?.GetValue<string>(),
            };
        }

        if (EventCard.TryRead(message, zone) is { } card)
        {
            return new MessageSlot
            {
                Type = "card",
                CardTitle = card.Title,
                CardStartsAt = TimeZoneInfo.ConvertTime(card.StartsAt, zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
                CardVenue = card.Venue,
                CardUrl = card.Url,
                CardImageUrl = card.ImageUrl,
            };
        }

        return new MessageSlot { Type = "json", Json = message.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) };
    }

    private JsonObject Image()
    {
        var image = new JsonObject { ["type"] = "image", ["originalContentUrl"] = ImageUrl?.Trim(), ["previewImageUrl"] = (string.IsNullOrWhiteSpace(PreviewUrl) ? ImageUrl : PreviewUrl)?.Trim() };
        if (!string.IsNullOrWhiteSpace(AltText))
        {
            image["altText"] = AltText.ReplaceLineEndings("\n").Trim();
        }

        return image;
    }

    private JsonObject Card()
    {
        var card = new JsonObject { ["type"] = "eventCard", ["title"] = CardTitle, ["startsAt"] = CardStartsAt };
        void Optional(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                card[name] = value.Trim();
            }
        }

        Optional("venue", CardVenue);
        Optional("url", CardUrl);
        Optional("imageUrl", CardImageUrl);
        return card;
    }

    /// <summary>Text that is not JSON goes on as a string, which the compiler refuses with its message for this slot.</summary>
    private JsonNode ParseJson()
    {
        try
        {
            return JsonNode.Parse(Json ?? "") ?? JsonValue.Create(Json ?? "")!;
        }
        catch (JsonException)
        {
            return JsonValue.Create(Json ?? "")!;
        }
    }
}
