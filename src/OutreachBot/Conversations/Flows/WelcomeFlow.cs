using Microsoft.Extensions.Options;
using OutreachBot.Conversations.Menu;
using OutreachBot.Conversations.RichMenus;
using OutreachBot.Conversations.Views;
using OutreachBot.Subscriptions;

namespace OutreachBot.Conversations.Flows;

/// <summary>Greeting a new or returning citizen, the language choice, and keeping or dropping earlier subscriptions.</summary>
public sealed class WelcomeFlow(
    CitizenStore citizens,
    SubscriptionStore subscriptions,
    TextCatalog texts,
    MainMenu menu,
    RichMenuLinker richMenus,
    IOptions<ConversationOptions> options)
{
    /// <summary>In Japanese, and again in the guessed language when it is another, with every language one tap away.</summary>
    public IReadOnlyList<Message> Greeting(string guess)
    {
        var japanese = texts.For(Languages.Japanese);
        var text = $"{japanese[TextKeys.GreetingWelcome]}\n\n{japanese[TextKeys.GreetingChooseLanguage]}";
        if (guess != Languages.Japanese)
        {
            var guessed = texts.For(guess);
            text += $"\n\n{guessed[TextKeys.GreetingWelcome]}\n\n{guessed[TextKeys.GreetingChooseLanguage]}";
        }

        return [Menus.Text(text, Menus.LanguageChoice(guess))];
    }

    /// <summary>In the citizen's earlier language; asks whether to keep the subscriptions still on record.</summary>
    public IReadOnlyList<Message> WelcomeBack(Turn turn, int keptSubscriptions)
    {
        var t = turn.Texts;
        if (keptSubscriptions == 0)
        {
            return [Menus.Text($"{t[TextKeys.GreetingWelcomeBack]}\n{t[TextKeys.MenuPrompt]}", menu.Shortcuts(t))];
        }

        return
        [
            Menus.Text(t[TextKeys.GreetingWelcomeBack]),
            Menus.Confirm(
                t.Format(TextKeys.GreetingKeepQuestion, keptSubscriptions),
                Menus.Button(t[TextKeys.GreetingKeep], new Command.KeepSubscriptions()),
                Menus.Button(t[TextKeys.GreetingDrop], new Command.DropSubscriptions(turn.Now.ToUnixTimeSeconds()))),
        ];
    }

    public async Task<IReadOnlyList<Message>> ChooseLanguageAsync(Turn turn, string language, CancellationToken cancellationToken)
    {
        await citizens.SetLanguageAsync(turn.UserId, language, turn.Now, cancellationToken);
        await richMenus.LinkAsync(turn.UserId, language, cancellationToken);
        var t = texts.For(language);
        return [Menus.Text($"{t[TextKeys.LanguageChosen]}\n{t[TextKeys.MenuPrompt]}", menu.Shortcuts(t))];
    }

    public IReadOnlyList<Message> Keep(Turn turn) => [Menus.Text(turn.Texts[TextKeys.GreetingKept], menu.Shortcuts(turn.Texts))];

    public async Task<IReadOnlyList<Message>> DropAsync(Turn turn, long askedAt, CancellationToken cancellationToken)
    {
        if (!turn.IsFresh(askedAt, options.Value.ConfirmationLifetime))
        {
            return menu.Expired(turn.Texts);
        }

        await subscriptions.UnsubscribeAllAsync(turn.UserId, turn.Event.OccurredAt, cancellationToken);
        return [Menus.Text(turn.Texts[TextKeys.GreetingDropped], menu.Shortcuts(turn.Texts))];
    }
}
