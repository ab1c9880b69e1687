using Microsoft.Extensions.Options;
using OutreachBot.Conversations;
using OutreachBot.Conversations.Menu;
using OutreachBot.Conversations.Views;
using OutreachBot.Profiles.CityLists;

namespace OutreachBot.Profiles;

/// <summary>
/// プロフィール in the chat: the consent (what is stored, why, how to erase) before the first question; then area →
/// district, age band, skills (several), free days (several), and the summary from which each can be changed or all
/// erased. Each answer is stored as it is given; without consent an answer stores nothing and the consent is asked.
/// A button for an entry the city no longer offers changes nothing and asks again.
/// </summary>
public sealed partial class ProfileFlow(
    ProfileStore profiles,
    CityListStore cityLists,
    MainMenu menu,
    IOptions<ConversationOptions> options,
    IOptions<BotOptions> bot,
    ILogger<ProfileFlow> logger)
{
    public async Task<IReadOnlyList<Message>> ShowAsync(Turn turn, CancellationToken cancellationToken)
    {
        var profile = HeldProfile.Of(await profiles.ReadAsync(turn.UserId, cancellationToken), await cityLists.ReadAsync(cancellationToken));
        return profile is null ? ProfileMessages.Consent(turn.Texts) : [ProfileMessages.Summary(turn.Texts, profile, bot.Value.Zone)];
    }

    public async Task<IReadOnlyList<Message>> ConsentAsync(Turn turn, CancellationToken cancellationToken)
    {
        await profiles.ConsentAsync(turn.UserId, turn.Now, cancellationToken);
        LogConsented(turn.Event.Id);
        return await AreasAsync(turn, 1, cancellationToken);
    }

    /// <summary>The areas to choose from; with one area only, its districts at once; with none, the next question.</summary>
    public async Task<IReadOnlyList<Message>> AreasAsync(Turn turn, int page, CancellationToken cancellationToken)
    {
        if (await ConsentedAsync(turn, cancellationToken) is null)
        {
            return ProfileMessages.Consent(turn.Texts);
        }

        return (await cityLists.ReadAsync(cancellationToken)).OfferedAreas() switch
        {
            [] => [Menus.Text(turn.Texts[ProfileTextKeys.NoDistricts]), .. await AgesAsync(turn, cancellationToken)],
            [var only] => await DistrictsAsync(turn, only.Id, 1, cancellationToken),
            var areas => [ProfileMessages.Areas(turn.Texts, areas, page)],
        };
    }

    public async Task<IReadOnlyList<Message>> DistrictsAsync(Turn turn, long areaId, int page, CancellationToken cancellationToken)
    {
        if (await ConsentedAsync(turn, cancellationToken) is null)
        {
            return ProfileMessages.Consent(turn.Texts);
        }

        var lists = await cityLists.ReadAsync(cancellationToken);
        var areas = lists.OfferedAreas();
        if (areas.FirstOrDefault(a => a.Id == areaId) is not { } area)
        {
            return NotOffered(turn, areas.Count == 0 ? [] : [ProfileMessages.Areas(turn.Texts, areas, 1)]);
        }

        return [ProfileMessages.Districts(turn.Texts, area, [.. lists.DistrictsOf(area.Id).Where(d => d.Offered)], page, areas.Count > 1)];
    }

    public async Task<IReadOnlyList<Message>> DistrictAsync(Turn turn, long districtId, CancellationToken cancellationToken)
    {
        if (await ConsentedAsync(turn, cancellationToken) is not { } profile)
        {
            return ProfileMessages.Consent(turn.Texts);
        }

        var lists = await cityLists.ReadAsync(cancellationToken);
        if (lists.Districts.FirstOrDefault(d => d.Id == districtId && d.Offered) is not { } district ||
            lists.Areas.FirstOrDefault(a => a.Id == district.AreaId) is not { Offered: true })
        {
            return NotOffered(turn, await AreasAsync(turn, 1, cancellationToken));
        }

        await profiles.SetDistrictAsync(turn.UserId, district.Name, turn.Now, cancellationToken);
        return [ProfileMessages.Ages(turn.Texts, profile.AgeBand)];
    }

    public async Task<IReadOnlyList<Message>> AgesAsync(Turn turn, CancellationToken cancellationToken) =>
        await ConsentedAsync(turn, cancellationToken) is { } profile ? [ProfileMessages.Ages(turn.Texts, profile.AgeBand)] : ProfileMessages.Consent(turn.Texts);

    /// <param name="band">1-based place among <see cref="ProfileChoices.AgeBands"/>, checked by the postback codec.</param>
    public async Task<IReadOnlyList<Message>> AgeAsync(Turn turn, int band, CancellationToken cancellationToken)
    {
        if (await ConsentedAsync(turn, cancellationToken) is null)
        {
            return ProfileMessages.Consent(turn.Texts);
        }

        await profiles.SetAgeBandAsync(turn.UserId, ProfileChoices.AgeBands[band - 1], turn.Now, cancellationToken);
        return await SkillsAsync(turn, 1, cancellationToken);
    }

    /// <summary>The skills to mark, a page at a time; with none on the list, the free days.</summary>
    public async Task<IReadOnlyList<Message>> SkillsAsync(Turn turn, int page, CancellationToken cancellationToken)
    {
        if (await ConsentedAsync(turn, cancellationToken) is not { } profile)
        {
            return ProfileMessages.Consent(turn.Texts);
        }

        var offered = (await cityLists.ReadAsync(cancellationToken)).Skills.Where(s => s.Offered).ToList();
        return offered.Count == 0 ? [ProfileMessages.Days(turn.Texts, profile.FreeDays)] : [ProfileMessages.Skills(turn.Texts, offered, profile.SkillIds, page)];
    }

    public async Task<IReadOnlyList<Message>> SkillAsync(Turn turn, long skillId, int page, bool on, CancellationToken cancellationToken)
    {
        if (await ConsentedAsync(turn, cancellationToken) is null)
        {
            return ProfileMessages.Consent(turn.Texts);
        }

        var skill = (await cityLists.ReadAsync(cancellationToken)).Skills.FirstOrDefault(s => s.Id == skillId);
        if (skill is null || (on && !skill.Offered))
        {
            return NotOffered(turn, await SkillsAsync(turn, 1, cancellationToken));
        }

        await profiles.MarkSkillAsync(turn.UserId, skillId, on, cancellationToken);
        return await SkillsAsync(turn, page, cancellationToken);
    }

    public async Task<IReadOnlyList<Message>> DaysAsync(Turn turn, CancellationToken cancellationToken) =>
        await ConsentedAsync(turn, cancellationToken) is { } profile ? [ProfileMessages.Days(turn.Texts, profile.FreeDays)] : ProfileMessages.Consent(turn.Texts);

    /// <param name="day">1 = Monday … 7 = Sunday, checked by the postback codec.</param>
    public async Task<IReadOnlyList<Message>> DayAsync(Turn turn, int day, bool on, CancellationToken cancellationToken)
    {
        if (await ConsentedAsync(turn, cancellationToken) is null)
        {
            return ProfileMessages.Consent(turn.Texts);
        }

        await profiles.MarkDayAsync(turn.UserId, ProfileChoices.Days[day - 1], on, turn.Now, cancellationToken);
        return await DaysAsync(turn, cancellationToken);
    }

    public IReadOnlyList<Message> AskErase(Turn turn)
    {
        var t = turn.Texts;
        return
        [
            Menus.Confirm(
                t[ProfileTextKeys.EraseConfirm],
                Menus.Button(t[ProfileTextKeys.EraseYes], new Command.ProfileErase(turn.Now.ToUnixTimeSeconds())),
                Menus.Button(t[ProfileTextKeys.EraseNo], new Command.ProfileKeep())),
        ];
    }

    public async Task<IReadOnlyList<Message>> EraseAsync(Turn turn, long askedAt, CancellationToken cancellationToken)
    {
        if (!turn.IsFresh(askedAt, options.Value.ConfirmationLifetime))
        {
            return menu.Expired(turn.Texts);
        }

        await profiles.EraseAsync(turn.UserId, turn.Now, cancellationToken);
        LogErased(turn.Event.Id);
        return [Menus.Text(turn.Texts[ProfileTextKeys.Erased], menu.Shortcuts(turn.Texts))];
    }

    public IReadOnlyList<Message> Keep(Turn turn) => [Menus.Text(turn.Texts[ProfileTextKeys.EraseCancelled], menu.Shortcuts(turn.Texts))];

    private async Task<ProfileAnswers?> ConsentedAsync(Turn turn, CancellationToken cancellationToken) =>
        await profiles.ReadAsync(turn.UserId, cancellationToken) is { ConsentedAt: not null } profile ? profile : null;

    private IReadOnlyList<Message> NotOffered(Turn turn, IReadOnlyList<Message> again)
    {
        LogNotOffered(turn.Event.Id);
        return [Menus.Text(turn.Texts[ProfileTextKeys.NotOffered]), .. again];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox event {Id}: a citizen consented to keeping a profile")]
    private partial void LogConsented(long id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox event {Id}: a citizen erased their profile")]
    private partial void LogErased(long id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox event {Id}: a profile choice the city does not offer; nothing changed")]
    private partial void LogNotOffered(long id);
}
