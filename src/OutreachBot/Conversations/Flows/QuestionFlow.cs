using Microsoft.Extensions.Options;
using OutreachBot.Consultations;
using OutreachBot.Conversations.Menu;
using OutreachBot.Conversations.Views;

namespace OutreachBot.Conversations.Flows;

/// <summary>
/// Free text: an FAQ answer when a keyword matches, else a question stored for staff (相談) with the usual answer time.
/// After "ask staff", the next text goes to staff whatever it says.
/// </summary>
public sealed class QuestionFlow(
    ConsultationStore consultations, FaqStore faqs, ConversationStateStore states, MainMenu menu, IOptions<ConversationOptions> options)
{
    public async Task<IReadOnlyList<Message>> AskAsync(Turn turn, CancellationToken cancellationToken)
    {
        await states.SetAsync(turn.UserId, ConversationStateStore.Question, turn.Now + options.Value.QuestionWait, cancellationToken);
        return [Menus.Text(turn.Texts[TextKeys.AskPrompt])];
    }

    public async Task<IReadOnlyList<Message>> OnTextAsync(Turn turn, string text, CancellationToken cancellationToken)
    {
        var t = turn.Texts;
        var asked = turn.Awaiting == ConversationStateStore.Question;
        if (!asked)
        {
            if (!TextCommands.SaysSomething(text))
            {
                return [Menus.Text(t[TextKeys.HintNotText], menu.Shortcuts(t))];
            }

            if (await faqs.MatchAsync(turn.Language, text, cancellationToken) is { } faq)
            {
                return [Menus.Text($"{faq.Answer}\n\n{t[TextKeys.FaqHint]}", QuickReply.Of(Menus.Button(t[TextKeys.MenuAsk], new Command.Ask())))];
            }
        }

        var question = LineLimits.Truncate(text, LineLimits.TextLength);
        var number = await consultations.AddAsync(turn.UserId, turn.Language, question, turn.Event.WebhookEventId, turn.Now, cancellationToken);
        if (asked)
        {
            await states.ClearAsync(turn.UserId, cancellationToken);
        }

        return [Menus.Text(t.Format(TextKeys.ConsultationReceived, number, t[TextKeys.ConsultationAnswerTime]), menu.Shortcuts(t))];
    }
}
