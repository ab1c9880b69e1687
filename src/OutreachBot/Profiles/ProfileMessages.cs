using OutreachBot.Conversations;
using OutreachBot.Conversations.Views;
using OutreachBot.Profiles.CityLists;

namespace OutreachBot.Profiles;

/// <summary>
/// A profile's questions and summary in the chat. Long lists (a city has dozens of districts) come a page at a time as
/// quick replies within LINE's limits: ten choices, ◀ and ▶ between pages and one step button, 13 at most; labels
/// are cut to LINE's 20 characters.
/// </summary>
public static class ProfileMessages
{
    public const int ChoicesPerPage = 10;
    private const string Chosen = "✓ ";

    public static IReadOnlyList<Message> Consent(BotTexts t) =>
    [
        Menus.Text(t[ProfileTextKeys.Consent], QuickReply.Of(
            Menus.Button(t[ProfileTextKeys.Agree], new Command.ProfileConsent()),
            Menus.Button(t[ProfileTextKeys.Decline], new Command.ShowMenu()))),
    ];

    public static TextMessage Areas(BotTexts t, IReadOnlyList<CityEntry> areas, int page) =>
        Paged(t, t[ProfileTextKeys.AskArea], areas, page, a => Menus.Button(a.NameIn(t.Language), new Command.ProfileDistricts(a.Id, 1)), p => new Command.ProfileAreas(p), []);

    public static TextMessage Districts(BotTexts t, CityEntry area, IReadOnlyList<CityEntry> districts, int page, bool otherAreas) =>
        Paged(
            t,
            t.Format(ProfileTextKeys.AskDistrict, area.NameIn(t.Language)),
            districts,
            page,
            d => Menus.Button(d.NameIn(t.Language), new Command.ProfileDistrict(d.Id)),
            p => new Command.ProfileDistricts(area.Id, p),
            otherAreas ? [Menus.Button(t[ProfileTextKeys.OtherArea], new Command.ProfileAreas(1))] : []);

    public static TextMessage Ages(BotTexts t, string? given) => Menus.Text(t[ProfileTextKeys.AskAge], QuickReply.Of(
    [
        .. ProfileChoices.AgeBands.Select((band, i) => Menus.Button(Mark(band == given) + t[ProfileTextKeys.AgeBand(band)], new Command.ProfileAge(i + 1))),
        Menus.Button(t[ProfileTextKeys.Skip], new Command.ProfileSkills(1)),
    ]));

    public static TextMessage Skills(BotTexts t, IReadOnlyList<CityEntry> skills, IReadOnlySet<long> given, int page) =>
        Paged(
            t,
            t[ProfileTextKeys.AskSkills],
            skills,
            page,
            s => Menus.Button(Mark(given.Contains(s.Id)) + s.NameIn(t.Language), new Command.ProfileSkill(s.Id, page, !given.Contains(s.Id))),
            p => new Command.ProfileSkills(p),
            [Menus.Button(t[ProfileTextKeys.Next], new Command.ProfileDays())]);

    public static TextMessage Days(BotTexts t, IReadOnlyList<string> given) => Menus.Text(t[ProfileTextKeys.AskDays], QuickReply.Of(
    [
        .. ProfileChoices.Days.Select((day, i) => Menus.Button(Mark(given.Contains(day)) + t[ProfileTextKeys.Day(day)], new Command.ProfileDay(i + 1, !given.Contains(day)))),
        Menus.Button(t[ProfileTextKeys.Done], new Command.ProfileShow()),
    ]));

    public static TextMessage Summary(BotTexts t, HeldProfile profile, TimeZoneInfo zone)
    {
        var (ageBand, skills, days) = Describe(t, profile);
        var text = t.Format(ProfileTextKeys.Summary, profile.District?.NameIn(t.Language) ?? t[ProfileTextKeys.Unset], ageBand, skills, days, Day(profile.ConsentedAt, zone));
        return Menus.Text(text, QuickReply.Of(
            Menus.Button(t[ProfileTextKeys.ChangeDistrict], new Command.ProfileAreas(1)),
            Menus.Button(t[ProfileTextKeys.ChangeAge], new Command.ProfileAges()),
            Menus.Button(t[ProfileTextKeys.ChangeSkills], new Command.ProfileSkills(1)),
            Menus.Button(t[ProfileTextKeys.ChangeDays], new Command.ProfileDays()),
            Menus.Button(t[ProfileTextKeys.Erase], new Command.ProfileAskErase()),
            Menus.Button(t[TextKeys.RichMenuChatBar], new Command.ShowMenu())));
    }

    /// <summary>The profile's one line in わたしのデータ (the district has its own line there).</summary>
    public static string OwnData(BotTexts t, HeldProfile profile, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var (ageBand, skills, days) = Describe(t, profile);
        return t.Format(ProfileTextKeys.OwnData, Day(profile.ConsentedAt, zone), ageBand, skills, days);
    }

    private static (string AgeBand, string Skills, string Days) Describe(BotTexts t, HeldProfile profile)
    {
        var unset = t[ProfileTextKeys.Unset];
        string List(IEnumerable<string> items) => items.Any() ? string.Join(t.Culture.TextInfo.ListSeparator + " ", items) : unset;
        return (
            profile.AgeBand is { } band ? t[ProfileTextKeys.AgeBand(band)] : unset,
            List(profile.Skills.Select(s => s.NameIn(t.Language))),
            List(profile.FreeDays.Select(d => t[ProfileTextKeys.Day(d)])));
    }

    private static string Day(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Mark(bool chosen) => chosen ? Chosen : "";

    /// <summary>Page <paramref name="page"/> of <paramref name="items"/> (clamped to the pages there are), then ◀ ▶ and <paramref name="controls"/>.</summary>
    private static TextMessage Paged<T>(
        BotTexts t, string prompt, IReadOnlyList<T> items, int page, Func<T, PostbackAction> button, Func<int, Command> toPage, IReadOnlyList<PostbackAction> controls)
    {
        var pages = Math.Max(1, (items.Count + ChoicesPerPage - 1) / ChoicesPerPage);
        page = Math.Clamp(page, 1, pages);
        List<PostbackAction> buttons = [.. items.Skip((page - 1) * ChoicesPerPage).Take(ChoicesPerPage).Select(button)];
        if (page > 1)
        {
            buttons.Add(Menus.Button(t[ProfileTextKeys.PagePrevious], toPage(page - 1)));
        }

        if (page < pages)
        {
            buttons.Add(Menus.Button(t[ProfileTextKeys.PageNext], toPage(page + 1)));
        }

        var text = pages == 1 ? prompt : prompt + t.Format(ProfileTextKeys.Page, page, pages);
        return Menus.Text(text, QuickReply.Of([.. buttons, .. controls]));
    }
}
