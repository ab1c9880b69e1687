using Microsoft.Extensions.Options;
using OutreachBot.Conversations.Flows;
using OutreachBot.Conversations.Menu;
using OutreachBot.Conversations.RichMenus;
using OutreachBot.Conversations.Views;
using OutreachBot.Line.Webhooks;
using OutreachBot.Privacy;
using OutreachBot.Subscriptions;
using OutreachBot.Surveys;
using OutreachBot.Webhook;

namespace OutreachBot.Conversations;

/// <summary>
/// The conversation with citizens: one switch over the webhook event types, each to a small <c>On…Async</c>; typed
/// commands and buttons become a <see cref="Command"/>, acted on in <see cref="RunAsync"/>. Every change is stored
/// before the answer is sent, and an event handled twice (after a crash) changes nothing twice.
/// </summary>
public sealed partial class ConversationRouter(
    CitizenStore citizens,
    Turns turns,
    TextCommands commands,
    ChatReplier replier,
    WelcomeFlow welcome,
    TopicFlow topics,
    EventFlow events,
    ApplicationFlow applications,
    MyApplicationsFlow myApplications,
    RatingFlow ratings,
    QuestionFlow questions,
    PrivacyFlow privacy,
    Disaster.DisasterFlow disaster,
    SurveyFlow surveys,
    Profiles.ProfileFlow profiles,
    MainMenu menu,
    RichMenuLinker richMenus,
    IOptions<ConversationOptions> options,
    TimeProvider time,
    ILogger<ConversationRouter> logger) : IInboxHandler
{
    public async Task<InboxOutcome> HandleAsync(InboxEvent inboxEvent, CancellationToken cancellationToken)
    {
        WebhookEvent webhookEvent;
        try
        {
            webhookEvent = WebhookEventParser.Parse(inboxEvent.Payload);
        }
        catch (WebhookParseException ex)
        {
            // Trying again would read the same bytes the same way.
            LogUnreadable(ex, inboxEvent.Id);
            return InboxOutcome.Skipped;
        }

        // One-to-one chats only; a channel in standby must not answer.
        if (webhookEvent.Mode == EventMode.Standby || webhookEvent.Source is not UserSource { UserId: { Length: > 0 } userId })
        {
            return InboxOutcome.Skipped;
        }

        return webhookEvent switch
        {
            FollowEvent follow => await OnFollowAsync(inboxEvent, follow, userId, cancellationToken),
            UnfollowEvent => await OnUnfollowAsync(inboxEvent, userId, cancellationToken),
            MessageEvent { Message: TextMessageContent text } message => await OnTextAsync(inboxEvent, message, text.Text, userId, cancellationToken),
            MessageEvent message => await OnOtherMessageAsync(inboxEvent, message, userId, cancellationToken),
            PostbackEvent postback => await OnPostbackAsync(inboxEvent, postback, userId, cancellationToken),
            _ => InboxOutcome.Skipped,
        };
    }

    private async Task<InboxOutcome> OnFollowAsync(InboxEvent inboxEvent, FollowEvent follow, string userId, CancellationToken cancellationToken)
    {
        var before = await citizens.FindAsync(userId, cancellationToken);
        var profile = await turns.TryGetProfileAsync(userId, cancellationToken);
        var guess = turns.GuessLanguage(profile);
        // The event's own time, so that handling this follow again (after a crash) recognises it as the same follow.
        var result = await citizens.FollowAsync(userId, guess, profile?.DisplayName, inboxEvent.OccurredAt, cancellationToken);
        if (result.Stale)
        {
            return InboxOutcome.Skipped;
        }

        var firstFollow = before is null || before.FirstFollowedAt == inboxEvent.OccurredAt;
        var turn = turns.New(inboxEvent, userId, result.Language, follow.ReplyToken);
        var answer = firstFollow ? welcome.Greeting(guess) : welcome.WelcomeBack(turn, result.KeptSubscriptions);
        await replier.SendAsync(turn, answer, cancellationToken);
        await richMenus.LinkAsync(userId, result.Language, cancellationToken);
        return InboxOutcome.Handled;
    }

    /// <summary>Blocked or unfollowed: from now on the citizen is not counted and gets nothing. There is no one to answer.</summary>
    private async Task<InboxOutcome> OnUnfollowAsync(InboxEvent inboxEvent, string userId, CancellationToken cancellationToken)
    {
        await citizens.UnfollowAsync(userId, inboxEvent.OccurredAt, cancellationToken);
        return InboxOutcome.Handled;
    }

    private async Task<InboxOutcome> OnTextAsync(
        InboxEvent inboxEvent, MessageEvent message, string text, string userId, CancellationToken cancellationToken)
    {
        if (await turns.ForAsync(inboxEvent, userId, message.ReplyToken, cancellationToken) is not { } turn)
        {
            return InboxOutcome.Skipped;
        }

        var command = QuitsAwaitedFlow(turn, text) ? null : commands.Match(text);
        await AnswerAsync(
            turn,
            () => command is null ? OnFreeTextAsync(turn, text, cancellationToken) : RunAsync(turn, command, cancellationToken),
            cancellationToken);
        return InboxOutcome.Handled;
    }

    /// <summary>
    /// The quit word of the flow that waits for typed text (Stop, Parar, Dừng) leaves that flow: in some languages it is
    /// also a word of 配信停止, which would end every subscription of a citizen who only meant to stop answering.
    /// </summary>
    private static bool QuitsAwaitedFlow(Turn turn, string text) =>
        turn.Awaiting is ApplicationFlow.Awaiting or RatingFlow.Awaiting or SurveyFlow.Awaiting &&
        TextCommands.Normalize(text) == TextCommands.Normalize(turn.Texts[TextKeys.ApplyQuit]);

    /// <summary>Text that is no command: the answer an application, a rating's comment or a survey waits for, else a question (FAQ or staff).</summary>
    private async Task<IReadOnlyList<Message>> OnFreeTextAsync(Turn turn, string text, CancellationToken cancellationToken)
    {
        var awaited = turn.Awaiting switch
        {
            ApplicationFlow.Awaiting => await applications.OnTextAsync(turn, text, cancellationToken),
            RatingFlow.Awaiting => await ratings.OnTextAsync(turn, text, cancellationToken),
            SurveyFlow.Awaiting => await surveys.OnTextAsync(turn, text, cancellationToken),
            _ => null,
        };
        return awaited ?? await questions.OnTextAsync(turn, text, cancellationToken);
    }

    /// <summary>A location: the open shelters nearest to it. Stickers, images, other locations...: a friendly pointer to the menu.</summary>
    private async Task<InboxOutcome> OnOtherMessageAsync(InboxEvent inboxEvent, MessageEvent message, string userId, CancellationToken cancellationToken)
    {
        if (await turns.ForAsync(inboxEvent, userId, message.ReplyToken, cancellationToken) is not { } turn)
        {
            return InboxOutcome.Skipped;
        }

        var shelters = message.Message is LocationMessageContent location
            ? await disaster.NearestAsync(turn, location.Latitude, location.Longitude, cancellationToken)
            : null;
        await replier.SendAsync(turn, shelters ?? [Menus.Text(turn.Texts[TextKeys.HintNotText], menu.Shortcuts(turn.Texts))], cancellationToken);
        return InboxOutcome.Handled;
    }

    private async Task<InboxOutcome> OnPostbackAsync(InboxEvent inboxEvent, PostbackEvent postback, string userId, CancellationToken cancellationToken)
    {
        if (await turns.ForAsync(inboxEvent, userId, postback.ReplyToken, cancellationToken) is not { } turn)
        {
            return InboxOutcome.Skipped;
        }

        if (PostbackCodec.Decode(postback.Postback.Data) is not { } command)
        {
            LogRefusedPostback(inboxEvent.Id, postback.Postback.Data.Length);
            await replier.SendAsync(turn, menu.Invalid(turn.Texts), cancellationToken);
            return InboxOutcome.Handled;
        }

        await AnswerAsync(turn, () => RunAsync(turn, command, cancellationToken), cancellationToken);
        return InboxOutcome.Handled;
    }

    private Task<IReadOnlyList<Message>> RunAsync(Turn turn, Command command, CancellationToken cancellationToken) => command switch
    {
        Command.ShowMenu => Done(menu.Menu(turn.Texts)),
        Command.ShowHelp => Done(menu.Help(turn.Texts)),
        Command.ShowLanguages => Done(Menus.LanguagePrompt(turn.Texts)),
        Command.ChooseLanguage c => welcome.ChooseLanguageAsync(turn, c.Language, cancellationToken),
        Command.KeepSubscriptions => Done(welcome.Keep(turn)),
        Command.DropSubscriptions c => welcome.DropAsync(turn, c.AskedAt, cancellationToken),
        Command.ShowTopics c => topics.ShowAsync(turn, c.Page, cancellationToken),
        Command.Subscribe c => topics.SubscribeAsync(turn, c.TopicId, cancellationToken),
        Command.Unsubscribe c => topics.UnsubscribeAsync(turn, c.TopicId, cancellationToken),
        Command.ShowSubscriptions => topics.ShowMineAsync(turn, cancellationToken),
        Command.StopAll => topics.AskStopAllAsync(turn, cancellationToken),
        Command.ConfirmStopAll c => topics.StopAllAsync(turn, c.AskedAt, cancellationToken),
        Command.CancelStopAll => Done(topics.CancelStopAll(turn)),
        Command.ShowEvents c => events.ShowAsync(turn, c.Page, cancellationToken),
        Command.Remind c => events.RemindAsync(turn, c.EventId, cancellationToken),
        Command.StopReminding c => events.StopRemindingAsync(turn, c.EventId, cancellationToken),
        Command.Ask => questions.AskAsync(turn, cancellationToken),
        Command.Apply c => applications.StartAsync(turn, c.EventId, cancellationToken),
        Command.ApplyParty c => applications.PartyAsync(turn, c.EventId, c.Size, cancellationToken),
        Command.ApplyAnswer c => applications.PickAsync(turn, c.EventId, c.Question, c.Value, cancellationToken),
        Command.ApplyBack c => applications.BackAsync(turn, c.EventId, cancellationToken),
        Command.ApplyQuit c => applications.QuitAsync(turn, c.EventId, cancellationToken),
        Command.ApplyConfirm c => applications.ConfirmAsync(turn, c.EventId, cancellationToken),
        Command.ShowApplications => myApplications.ShowAsync(turn, cancellationToken),
        Command.CancelApplication c => myApplications.AskCancelAsync(turn, c.EventId, c.Number, cancellationToken),
        Command.ConfirmCancelApplication c => myApplications.CancelAsync(turn, c.EventId, c.Number, cancellationToken),
        Command.ShowMap c => myApplications.MapAsync(turn, c.EventId, cancellationToken),
        Command.Rate c => ratings.RateAsync(turn, c.EventId, c.Number, c.Rating, cancellationToken),
        Command.RatingComment c => ratings.OpenCommentAsync(turn, c.EventId, c.Number, cancellationToken),
        Command.RatingBack c => ratings.BackAsync(turn, c.EventId, c.Number, cancellationToken),
        Command.RatingEnd => ratings.EndAsync(turn, cancellationToken),
        Command.ShowOwnData => privacy.ShowAsync(turn, cancellationToken),
        Command.AskErase => Done(privacy.AskErase(turn)),
        Command.ConfirmErase c => privacy.EraseAsync(turn, c.AskedAt, cancellationToken),
        Command.CancelErase => Done(privacy.CancelErase(turn)),
        Command.ShowEmergencyNumbers => Done(disaster.EmergencyNumbers(turn)),
        Command.ReportSafety c => disaster.ReportSafetyAsync(turn, c.NeedsHelp, cancellationToken),
        Command.ShowShelters => disaster.SheltersAsync(turn, cancellationToken),
        Command.ShowHazardMap => Done(disaster.HazardMap(turn)),
        Command.SurveyStart c => surveys.StartAsync(turn, c.SurveyId, cancellationToken),
        Command.SurveyPick c => surveys.PickAsync(turn, c.SurveyId, c.Question, c.Value, cancellationToken),
        Command.SurveyMark c => surveys.MarkAsync(turn, c.SurveyId, c.Question, c.Option, c.On, cancellationToken),
        Command.SurveyNext c => surveys.NextAsync(turn, c.SurveyId, c.Question, cancellationToken),
        Command.SurveyQuit => surveys.QuitAsync(turn, cancellationToken),
        Command.ProfileShow => profiles.ShowAsync(turn, cancellationToken),
        Command.ProfileConsent => profiles.ConsentAsync(turn, cancellationToken),
        Command.ProfileAreas c => profiles.AreasAsync(turn, c.Page, cancellationToken),
        Command.ProfileDistricts c => profiles.DistrictsAsync(turn, c.AreaId, c.Page, cancellationToken),
        Command.ProfileDistrict c => profiles.DistrictAsync(turn, c.DistrictId, cancellationToken),
        Command.ProfileAges => profiles.AgesAsync(turn, cancellationToken),
        Command.ProfileAge c => profiles.AgeAsync(turn, c.Band, cancellationToken),
        Command.ProfileSkills c => profiles.SkillsAsync(turn, c.Page, cancellationToken),
        Command.ProfileSkill c => profiles.SkillAsync(turn, c.SkillId, c.Page, c.On, cancellationToken),
        Command.ProfileDays => profiles.DaysAsync(turn, cancellationToken),
        Command.ProfileDay c => profiles.DayAsync(turn, c.Day, c.On, cancellationToken),
        Command.ProfileAskErase => Done(profiles.AskErase(turn)),
        Command.ProfileErase c => profiles.EraseAsync(turn, c.AskedAt, cancellationToken),
        Command.ProfileKeep => Done(profiles.Keep(turn)),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, "No handler for this command."),
    };

    /// <summary>
    /// Sends what <paramref name="prepare"/> makes, showing the loading animation if that takes a while. The work runs
    /// on the thread pool so that the timer can fire even while a synchronous database call (SQLite) holds it up.
    /// </summary>
    private async Task AnswerAsync(Turn turn, Func<Task<IReadOnlyList<Message>>> prepare, CancellationToken cancellationToken)
    {
        var work = Task.Run(prepare, cancellationToken);
        using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            var delay = Task.Delay(options.Value.LoadingAnimationAfter, time, waiting.Token);
            if (await Task.WhenAny(work, delay) == delay && delay.IsCompletedSuccessfully)
            {
                await replier.ShowLoadingAsync(turn, cancellationToken);
            }

            await waiting.CancelAsync();
        }

        await replier.SendAsync(turn, await work, cancellationToken);
    }

    private static Task<IReadOnlyList<Message>> Done(IReadOnlyList<Message> messages) => Task.FromResult(messages);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox event {Id} cannot be read as a LINE event; skipped")]
    private partial void LogUnreadable(Exception exception, long id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox event {Id}: postback data ({Length} characters) is not one the bot makes; answered politely, nothing changed")]
    private partial void LogRefusedPostback(long id, int length);
}
