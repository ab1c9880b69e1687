using System.Globalization;

namespace OutreachBot.Conversations;

/// <summary>
/// Postback data: short, versioned and checked. <c>v1|sub|12</c> = subscribe to topic 12. Anything that is not exactly
/// what <see cref="Encode"/> writes (another version, an unknown verb, a missing or malformed argument, an unsupported
/// language) decodes to null, so a forged or outdated button changes nothing. Ids are only shapes here: whether topic
/// 12 exists and is open is for the command to check.
/// </summary>
/// <remarks>
/// Not signed: a citizen can only ever act on their own subscriptions (the user id comes from LINE's event, not from
/// the data), so a hand-made postback can do nothing a real button could not.
/// </remarks>
public static class PostbackCodec
{
    public const string Version = "v1";
    private const char Separator = '|';
    private const int MaxPage = 1000;

    public static string Encode(Command command) => command switch
    {
        Command.ShowMenu => Join("menu"),
        Command.ShowHelp => Join("help"),
        Command.ShowLanguages => Join("langs"),
        Command.ChooseLanguage c => Join("lang", c.Language),
        Command.ShowTopics c => Join("topics", Number(c.Page)),
        Command.Subscribe c => Join("sub", Number(c.TopicId)),
        Command.Unsubscribe c => Join("unsub", Number(c.TopicId)),
        Command.ShowSubscriptions => Join("mine"),
        Command.StopAll => Join("stop"),
        Command.ConfirmStopAll c => Join("stop-yes", Number(c.AskedAt)),
        Command.CancelStopAll => Join("stop-no"),
        Command.KeepSubscriptions => Join("keep"),
        Command.DropSubscriptions c => Join("drop", Number(c.AskedAt)),
        Command.ShowEvents c => Join("events", Number(c.Page)),
        Command.Remind c => Join("remind", Number(c.EventId)),
        Command.StopReminding c => Join("unremind", Number(c.EventId)),
        Command.Ask => Join("ask"),
        Command.Apply c => Join("apply", Number(c.EventId)),
        Command.ApplyParty c => Join("party", Numbers(c.EventId, c.Size)),
        Command.ApplyAnswer c => Join("pick", Numbers(c.EventId, c.Question, c.Value)),
        Command.ApplyBack c => Join("back", Number(c.EventId)),
        Command.ApplyQuit c => Join("quit", Number(c.EventId)),
        Command.ApplyConfirm c => Join("apply-yes", Number(c.EventId)),
        Command.ShowApplications => Join("apps"),
        Command.CancelApplication c => Join("unapply", Numbers(c.EventId, c.Number)),
        Command.ConfirmCancelApplication c => Join("unapply-yes", Numbers(c.EventId, c.Number)),
        Command.ShowMap c => Join("map", Number(c.EventId)),
        Command.Rate c => Join("rate", Numbers(c.EventId, c.Number, c.Rating)),
        Command.RatingComment c => Join("comment", Numbers(c.EventId, c.Number)),
        Command.RatingBack c => Join("comment-back", Numbers(c.EventId, c.Number)),
        Command.RatingEnd c => Join("comment-no", Numbers(c.EventId, c.Number)),
        Command.ShowOwnData => Join("mydata"),
        Command.AskErase => Join("erase"),
        Command.ConfirmErase c => Join("erase-yes", Number(c.AskedAt)),
        Command.CancelErase => Join("erase-no"),
        Command.ShowEmergencyNumbers => Join("sos"),
        Command.ReportSafety c => Join(c.NeedsHelp ? "safety-help" : "safety-ok"),
        Command.ShowShelters => Join("shelters"),
        Command.ShowHazardMap => Join("hazard"),
        Command.SurveyStart c => Join("svy", Number(c.SurveyId)),
        Command.SurveyPick c => Join("svy-pick", Numbers(c.SurveyId, c.Question, c.Value)),
        Command.SurveyMark c => Join("svy-mark", Numbers(c.SurveyId, c.Question, c.Option, c.On ? 1 : 0)),
        Command.SurveyNext c => Join("svy-next", Numbers(c.SurveyId, c.Question)),
        Command.SurveyQuit c => Join("svy-quit", Number(c.SurveyId)),
        Command.ProfileShow => Join("prof"),
        Command.ProfileConsent => Join("prof-ok"),
        Command.ProfileAreas c => Join("prof-areas", Number(c.Page)),
        Command.ProfileDistricts c => Join("prof-area", Numbers(c.AreaId, c.Page)),
        Command.ProfileDistrict c => Join("prof-dist", Number(c.DistrictId)),
        Command.ProfileAges => Join("prof-ages"),
        Command.ProfileAge c => Join("prof-age", Number(c.Band)),
        Command.ProfileSkills c => Join("prof-skills", Number(c.Page)),
        Command.ProfileSkill c => Join("prof-skill", Numbers(c.SkillId, c.Page, c.On ? 1 : 0)),
        Command.ProfileDays => Join("prof-days"),
        Command.ProfileDay c => Join("prof-day", Numbers(c.Day, c.On ? 1 : 0)),
        Command.ProfileAskErase => Join("prof-erase"),
        Command.ProfileErase c => Join("prof-erase-yes", Number(c.AskedAt)),
        Command.ProfileKeep => Join("prof-keep"),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "This command has no postback form."),
    };

    /// <summary>The command in <paramref name="data"/>, or null when the data is not one this version writes.</summary>
    public static Command? Decode(string? data)
    {
        if (string.IsNullOrEmpty(data) || data.Length > Line.Messaging.LineLimits.PostbackData)
        {
            return null;
        }

        var parts = data.Split(Separator);
        if (parts[0] != Version || parts.Length is < 2 or > 3)
        {
            return null;
        }

        var verb = parts[1];
        var argument = parts.Length == 3 ? parts[2] : null;
        return (verb, argument) switch
        {
            ("menu", null) => new Command.ShowMenu(),
            ("help", null) => new Command.ShowHelp(),
            ("langs", null) => new Command.ShowLanguages(),
            ("lang", { } code) when Languages.IsSupported(code) => new Command.ChooseLanguage(code),
            ("topics", { } page) when Page(page) is { } p => new Command.ShowTopics(p),
            ("sub", { } id) when Id(id) is { } i => new Command.Subscribe(i),
            ("unsub", { } id) when Id(id) is { } i => new Command.Unsubscribe(i),
            ("mine", null) => new Command.ShowSubscriptions(),
            ("stop", null) => new Command.StopAll(),
            ("stop-yes", { } at) when Id(at) is { } t => new Command.ConfirmStopAll(t),
            ("stop-no", null) => new Command.CancelStopAll(),
            ("keep", null) => new Command.KeepSubscriptions(),
            ("drop", { } at) when Id(at) is { } t => new Command.DropSubscriptions(t),
            ("events", { } page) when Page(page) is { } p => new Command.ShowEvents(p),
            ("remind", { } id) when Id(id) is { } i => new Command.Remind(i),
            ("unremind", { } id) when Id(id) is { } i => new Command.StopReminding(i),
            ("ask", null) => new Command.Ask(),
            ("apply", { } id) when Id(id) is { } i => new Command.Apply(i),
            ("party", { } args) when Ids(args, 2) is [var e, var n] && n <= MaxSmall => new Command.ApplyParty(e, (int)n),
            ("pick", { } args) when Ids(args, 3) is [var e, var q, var v] && q <= MaxSmall && v <= MaxSmall => new Command.ApplyAnswer(e, (int)q, (int)v),
            ("back", { } id) when Id(id) is { } i => new Command.ApplyBack(i),
            ("quit", { } id) when Id(id) is { } i => new Command.ApplyQuit(i),
            ("apply-yes", { } id) when Id(id) is { } i => new Command.ApplyConfirm(i),
            ("apps", null) => new Command.ShowApplications(),
            ("unapply", { } args) when Ids(args, 2) is [var e, var n] => new Command.CancelApplication(e, n),
            ("unapply-yes", { } args) when Ids(args, 2) is [var e, var n] => new Command.ConfirmCancelApplication(e, n),
            ("map", { } id) when Id(id) is { } i => new Command.ShowMap(i),
            ("rate", { } args) when Ids(args, 3) is [var e, var n, var r] && r <= MaxSmall => new Command.Rate(e, n, (int)r),
            ("comment", { } args) when Ids(args, 2) is [var e, var n] => new Command.RatingComment(e, n),
            ("comment-back", { } args) when Ids(args, 2) is [var e, var n] => new Command.RatingBack(e, n),
            ("comment-no", { } args) when Ids(args, 2) is [var e, var n] => new Command.RatingEnd(e, n),
            ("mydata", null) => new Command.ShowOwnData(),
            ("erase", null) => new Command.AskErase(),
            ("erase-yes", { } at) when Id(at) is { } t => new Command.ConfirmErase(t),
            ("erase-no", null) => new Command.CancelErase(),
            ("sos", null) => new Command.ShowEmergencyNumbers(),
            ("safety-ok", null) => new Command.ReportSafety(NeedsHelp: false),
            ("safety-help", null) => new Command.ReportSafety(NeedsHelp: true),
            ("shelters", null) => new Command.ShowShelters(),
            ("hazard", null) => new Command.ShowHazardMap(),
            ("svy", { } id) when Id(id) is { } i => new Command.SurveyStart(i),
            ("svy-pick", { } args) when Ids(args, 3) is [var s, var q, var v] && q <= MaxSmall && v <= MaxSmall => new Command.SurveyPick(s, (int)q, (int)v),
            ("svy-mark", { } args) when Ids(args, 4) is [var s, var q, var o, var on] && on <= 1 && q <= MaxSmall && o <= MaxSmall => new Command.SurveyMark(s, (int)q, (int)o, on == 1),
            ("svy-next", { } args) when Ids(args, 2) is [var s, var q] && q <= MaxSmall => new Command.SurveyNext(s, (int)q),
            ("svy-quit", { } id) when Id(id) is { } i => new Command.SurveyQuit(i),
            ("prof", null) => new Command.ProfileShow(),
            ("prof-ok", null) => new Command.ProfileConsent(),
            ("prof-areas", { } page) when Page(page) is { } p => new Command.ProfileAreas(p),
            ("prof-area", { } args) when Ids(args, 2) is [var a, var p] && p is >= 1 and <= MaxPage => new Command.ProfileDistricts(a, (int)p),
            ("prof-dist", { } id) when Id(id) is { } i => new Command.ProfileDistrict(i),
            ("prof-ages", null) => new Command.ProfileAges(),
            ("prof-age", { } band) when Id(band) is { } b && b <= Profiles.ProfileChoices.AgeBands.Count => new Command.ProfileAge((int)b),
            ("prof-skills", { } page) when Page(page) is { } p => new Command.ProfileSkills(p),
            ("prof-skill", { } args) when Ids(args, 3) is [var s, var p, var on] && p is >= 1 and <= MaxPage && on <= 1 => new Command.ProfileSkill(s, (int)p, on == 1),
            ("prof-days", null) => new Command.ProfileDays(),
            ("prof-day", { } args) when Ids(args, 2) is [var d, var on] && d <= Profiles.ProfileChoices.Days.Count && on <= 1 => new Command.ProfileDay((int)d, on == 1),
            ("prof-erase", null) => new Command.ProfileAskErase(),
            ("prof-erase-yes", { } at) when Id(at) is { } t => new Command.ProfileErase(t),
            ("prof-keep", null) => new Command.ProfileKeep(),
            _ => null,
        };
    }

    /// <summary>Small arguments (a step, a choice, a number answered) past which no button is ever made.</summary>
    private const long MaxSmall = 9999;

    private static string Numbers(params long[] values) => string.Join('.', values.Select(Number));

    /// <summary>Exactly <paramref name="count"/> dot-separated numbers: the first an id, the others 0 or an id's shape.</summary>
    private static long[]? Ids(string text, int count)
    {
        var parts = text.Split('.');
        if (parts.Length != count || Id(parts[0]) is null)
        {
            return null;
        }

        var values = parts.Select(p => p == "0" ? 0 : Id(p)).ToArray();
        return values.All(v => v is not null) ? [.. values.Select(v => v!.Value)] : null;
    }

    private static string Join(params string[] parts) => string.Join(Separator, [Version, .. parts]);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Digits only (no sign, space or leading zero), 1 to 15 of them.</summary>
    private static long? Id(string text) =>
        text.Length is >= 1 and <= 15 && text[0] != '0' && text.All(char.IsAsciiDigit)
            ? long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture)
            : null;

    private static int? Page(string text) => Id(text) is { } page and <= MaxPage ? (int)page : null;
}
