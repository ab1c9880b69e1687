using Dapper;
using OutreachBot.Conversations;
using OutreachBot.Conversations.Views;

namespace OutreachBot.Disaster;

/// <summary>
/// The disaster menu's answers in the chat: the emergency numbers, and 安否 (無事です / 助けが必要) stored for staff's
/// queue under the switch in force; 助けが必要 answers at once with what to do now. A drill marks every answer 訓練.
/// </summary>
public sealed partial class DisasterFlow(Database database, DisasterModeState state, ILogger<DisasterFlow> logger)
{
    public IReadOnlyList<Message> EmergencyNumbers(Turn turn) => [Menus.Text(Marked(turn, turn.Texts[DisasterTextKeys.Numbers]))];

    public async Task<IReadOnlyList<Message>> ReportSafetyAsync(Turn turn, bool needsHelp, CancellationToken cancellationToken)
    {
        if (state.View.Current is { } current && current.Reaches(turn.UserId))
        {
            await database.ExecuteAsync(
                "INSERT INTO safety_reports (switch_id, user_id, needs_help, reported_at) VALUES (@SwitchId, @UserId, @NeedsHelp, @Now)",
                new { SwitchId = current.Id, turn.UserId, NeedsHelp = needsHelp, turn.Now },
                cancellationToken);
            if (needsHelp)
            {
                LogHelpNeeded(current.Id);
            }
        }

        return [Menus.Text(Marked(turn, turn.Texts[needsHelp ? DisasterTextKeys.HelpNow : DisasterTextKeys.SafeThanks]))];
    }

    private string Marked(Turn turn, string text) =>
        state.View.Drill && state.Reaches(turn.UserId) ? string.Format(System.Globalization.CultureInfo.InvariantCulture, turn.Texts[DisasterTextKeys.Drill], text) : text;

    [LoggerMessage(Level = LogLevel.Warning, Message = "A citizen asked for help under disaster switch {SwitchId}: see the safety queue")]
    private partial void LogHelpNeeded(long switchId);
}
