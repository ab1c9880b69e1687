using System.Globalization;
using Dapper;
using Microsoft.Extensions.Options;
using OutreachBot.Conversations;
using OutreachBot.Conversations.Views;
using OutreachBot.Disaster.HelpAlerts;
using OutreachBot.Disaster.Shelters;

namespace OutreachBot.Disaster;

/// <summary>
/// The disaster menu's answers in the chat: the emergency numbers, the open shelters (nearest first once the citizen
/// shares where they are), the hazard map, and 安否 (無事です / 助けが必要) stored for staff's queue under the switch in
/// force; 助けが必要 answers at once with what to do now and alerts the staff on duty. A drill marks every text 訓練.
/// </summary>
public sealed partial class DisasterFlow(
    Database database, DisasterModeState state, ShelterStore shelters, HelpAlertMailer alerts, IOptions<DisasterOptions> options, ILogger<DisasterFlow> logger)
{
    public IReadOnlyList<Message> EmergencyNumbers(Turn turn) => [Menus.Text(Marked(turn, turn.Texts[DisasterTextKeys.Numbers]))];

    public IReadOnlyList<Message> HazardMap(Turn turn) =>
    [
        Menus.Text(Marked(turn, options.Value.HazardMapFor(turn.Language) is { } url
            ? turn.Texts.Format(DisasterTextKeys.HazardMap, url)
            : turn.Texts[DisasterTextKeys.HazardMapMissing])),
    ];

    /// <summary>避難所: the open shelters as staff listed them, and 「現在地を送る」 to have them nearest first.</summary>
    public async Task<IReadOnlyList<Message>> SheltersAsync(Turn turn, CancellationToken cancellationToken) =>
        Shelters(turn, [.. (await shelters.ListOpenAsync(cancellationToken)).Select(s => (s, (double?)null))], DisasterTextKeys.SheltersPrompt);

    /// <summary>
    /// A location the citizen shared: the open shelters nearest first, each with its distance. Null when no shelter is
    /// open and disaster mode does not reach the citizen: then a location is no question about shelters.
    /// </summary>
    public async Task<IReadOnlyList<Message>?> NearestAsync(Turn turn, double latitude, double longitude, CancellationToken cancellationToken)
    {
        var open = await shelters.ListOpenAsync(cancellationToken);
        if (open.Count == 0 && !state.Reaches(turn.UserId))
        {
            return null;
        }

        var nearest = open
            .Select(s => (s, (double?)GeoDistance.Meters(latitude, longitude, s.Latitude, s.Longitude)))
            .OrderBy(s => s.Item2)
            .ToList();
        return Shelters(turn, nearest, DisasterTextKeys.SheltersNearest);
    }

    public async Task<IReadOnlyList<Message>> ReportSafetyAsync(Turn turn, bool needsHelp, CancellationToken cancellationToken)
    {
        if (state.View.Current is { } current && current.Reaches(turn.UserId))
        {
            var alreadyWaiting = await WaitsForHelpAsync(current.Id, turn.UserId, cancellationToken);
            await database.ExecuteAsync(
                "INSERT INTO safety_reports (switch_id, user_id, needs_help, reported_at) VALUES (@SwitchId, @UserId, @NeedsHelp, @Now)",
                new { SwitchId = current.Id, turn.UserId, NeedsHelp = needsHelp, turn.Now },
                cancellationToken);
            if (needsHelp && !alreadyWaiting)
            {
                LogHelpNeeded(current.Id);
                alerts.Raise(current.Id, current.Drill);
            }
        }

        return needsHelp
            ? [Menus.Text(Marked(turn, $"{turn.Texts[DisasterTextKeys.HelpNow]}\n{turn.Texts[DisasterTextKeys.HelpLocation]}"), ShelterCards.ShareLocation(turn.Texts))]
            : [Menus.Text(Marked(turn, turn.Texts[DisasterTextKeys.SafeThanks]))];
    }

    /// <summary>
    /// Whether the citizen's latest answer under the switch is a 助けが必要 nobody has handled yet: asking again (a
    /// frightened citizen taps more than once) is counted, but the staff on duty were alerted already.
    /// </summary>
    private async Task<bool> WaitsForHelpAsync(long switchId, string userId, CancellationToken cancellationToken) =>
        await database.ExecuteScalarAsync<long>(
            """
            SELECT COUNT(*) FROM safety_reports
            WHERE id = (SELECT MAX(id) FROM safety_reports WHERE switch_id = @SwitchId AND user_id = @UserId) AND needs_help AND handled_at IS NULL
            """,
            new { SwitchId = switchId, UserId = userId },
            cancellationToken) > 0;

    private IReadOnlyList<Message> Shelters(Turn turn, List<(Shelter Shelter, double? Meters)> listed, string intro)
    {
        var share = ShelterCards.ShareLocation(turn.Texts);
        if (listed.Count == 0)
        {
            return [Menus.Text(Marked(turn, turn.Texts[DisasterTextKeys.SheltersNoneOpen]), share)];
        }

        var text = turn.Texts[intro];
        if (listed.Count > LineLimits.CarouselBubbles)
        {
            text += "\n" + turn.Texts.Format(DisasterTextKeys.SheltersMore, listed.Count - LineLimits.CarouselBubbles);
        }

        return [ShelterCards.Carousel(turn.Texts, listed), Menus.Text(Marked(turn, text), share)];
    }

    private string Marked(Turn turn, string text) =>
        state.View.Drill && state.Reaches(turn.UserId) ? string.Format(CultureInfo.InvariantCulture, turn.Texts[DisasterTextKeys.Drill], text) : text;

    [LoggerMessage(Level = LogLevel.Warning, Message = "A citizen asked for help under disaster switch {SwitchId}: see the safety queue")]
    private partial void LogHelpNeeded(long switchId);
}
