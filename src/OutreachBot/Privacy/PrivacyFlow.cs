using Microsoft.Extensions.Options;
using OutreachBot.Conversations;
using OutreachBot.Conversations.Menu;
using OutreachBot.Conversations.Views;

namespace OutreachBot.Privacy;

/// <summary>
/// わたしのデータ in the chat: what the office holds about the citizen, and データを削除 behind a confirmation that
/// expires. A confirmation older than the last deletion (an old button tapped again) deletes nothing.
/// </summary>
public sealed partial class PrivacyFlow(
    CitizenDataReader reader,
    PersonalDataEraser eraser,
    MainMenu menu,
    IOptions<ConversationOptions> options,
    IOptions<BotOptions> bot,
    ILogger<PrivacyFlow> logger)
{
    public async Task<IReadOnlyList<Message>> ShowAsync(Turn turn, CancellationToken cancellationToken)
    {
        var t = turn.Texts;
        var data = await reader.ReadAsync(turn.UserId, turn.Language, cancellationToken);
        IReadOnlyList<string> texts = data is null ? [t[PrivacyTextKeys.Intro] + "\n\n" + t[PrivacyTextKeys.None]] : CitizenDataMessage.Of(t, data, bot.Value.Zone);
        var choices = QuickReply.Of(Menus.Button(t[PrivacyTextKeys.Erase], new Command.AskErase()), Menus.Button(t[TextKeys.RichMenuChatBar], new Command.ShowMenu()));
        return [.. texts.Select((text, i) => Menus.Text(text, i == texts.Count - 1 ? choices : null))];
    }

    public IReadOnlyList<Message> AskErase(Turn turn)
    {
        var t = turn.Texts;
        return
        [
            Menus.Confirm(
                t[PrivacyTextKeys.EraseConfirm],
                Menus.Button(t[PrivacyTextKeys.EraseYes], new Command.ConfirmErase(turn.Now.ToUnixTimeSeconds())),
                Menus.Button(t[PrivacyTextKeys.EraseNo], new Command.CancelErase())),
        ];
    }

    public async Task<IReadOnlyList<Message>> EraseAsync(Turn turn, long askedAt, CancellationToken cancellationToken)
    {
        if (!turn.IsFresh(askedAt, options.Value.ConfirmationLifetime))
        {
            LogRefused(turn.Event.Id, "expired");
            return menu.Expired(turn.Texts);
        }

        if (await reader.ErasedAtAsync(turn.UserId, cancellationToken) is { } erasedAt && erasedAt >= DateTimeOffset.FromUnixTimeSeconds(askedAt))
        {
            LogRefused(turn.Event.Id, "offered before the last deletion");
            return [Menus.Text(turn.Texts[PrivacyTextKeys.AlreadyErased])];
        }

        await eraser.EraseAsync(turn.UserId, turn.Now, cancellationToken);
        LogErased(turn.Event.Id);
        return [Menus.Text(turn.Texts[PrivacyTextKeys.Erased])];
    }

    public IReadOnlyList<Message> CancelErase(Turn turn) => [Menus.Text(turn.Texts[PrivacyTextKeys.EraseCancelled], menu.Shortcuts(turn.Texts))];

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox event {Id}: a citizen erased their personal data")]
    private partial void LogErased(long id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox event {Id}: a データを削除 confirmation refused ({Reason}); nothing changed")]
    private partial void LogRefused(long id, string reason);
}
