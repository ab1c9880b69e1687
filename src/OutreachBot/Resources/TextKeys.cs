namespace OutreachBot.Resources;

/// <summary>The keys of BotTexts.resx the code uses; a test checks each one exists in Japanese, Easy Japanese and English.</summary>
public static class TextKeys
{
    public const string Culture = "Culture";

    public const string CommandMenu = "Command.Menu";
    public const string CommandTopics = "Command.Topics";
    public const string CommandMine = "Command.Mine";
    public const string CommandStopAll = "Command.StopAll";
    public const string CommandEvents = "Command.Events";
    public const string CommandHelp = "Command.Help";
    public const string CommandLanguage = "Command.Language";
    public const string CommandAsk = "Command.Ask";

    public const string GreetingWelcome = "Greeting.Welcome";
    public const string GreetingChooseLanguage = "Greeting.ChooseLanguage";
    public const string GreetingWelcomeBack = "Greeting.WelcomeBack";
    public const string GreetingKeepQuestion = "Greeting.KeepQuestion";
    public const string GreetingKeep = "Greeting.Keep";
    public const string GreetingDrop = "Greeting.Drop";
    public const string GreetingKept = "Greeting.Kept";
    public const string GreetingDropped = "Greeting.Dropped";

    public const string LanguageChosen = "Language.Chosen";
    public const string LanguagePrompt = "Language.Prompt";

    public const string MenuPrompt = "Menu.Prompt";
    public const string MenuTopics = "Menu.Topics";
    public const string MenuMine = "Menu.Mine";
    public const string MenuEvents = "Menu.Events";
    public const string MenuAsk = "Menu.Ask";
    public const string MenuLanguage = "Menu.Language";
    public const string MenuHelp = "Menu.Help";
    public const string RichMenuChatBar = "RichMenu.ChatBar";
    public const string HelpText = "Help.Text";

    public const string TopicsIntro = "Topics.Intro";
    public const string TopicsAltText = "Topics.AltText";
    public const string TopicsNone = "Topics.None";
    public const string TopicFollowers = "Topic.Followers";
    public const string TopicYouFollow = "Topic.YouFollow";
    public const string TopicSubscribe = "Topic.Subscribe";
    public const string TopicUnsubscribe = "Topic.Unsubscribe";
    public const string TopicSubscribed = "Topic.Subscribed";
    public const string TopicUnsubscribed = "Topic.Unsubscribed";
    public const string TopicUnavailable = "Topic.Unavailable";
    public const string PageMore = "Page.More";
    public const string PageNext = "Page.Next";

    public const string MineTitle = "Mine.Title";
    public const string MineNone = "Mine.None";
    public const string MineUnsubscribe = "Mine.Unsubscribe";
    public const string MineStopAll = "Mine.StopAll";
    public const string MineAltText = "Mine.AltText";

    public const string StopAllConfirm = "StopAll.Confirm";
    public const string StopAllYes = "StopAll.Yes";
    public const string StopAllNo = "StopAll.No";
    public const string StopAllDone = "StopAll.Done";
    public const string StopAllCancelled = "StopAll.Cancelled";

    public const string PostbackExpired = "Postback.Expired";
    public const string PostbackInvalid = "Postback.Invalid";

    public const string EventsIntro = "Events.Intro";
    public const string EventsAltText = "Events.AltText";
    public const string EventsNone = "Events.None";
    public const string EventDateFormat = "Event.DateFormat";
    public const string EventTimeFormat = "Event.TimeFormat";
    public const string EventRange = "Event.Range";
    public const string EventWhen = "Event.When";
    public const string EventVenue = "Event.Venue";
    public const string EventTopic = "Event.Topic";
    public const string EventRemind = "Event.Remind";
    public const string EventStopReminding = "Event.StopReminding";
    public const string EventReminding = "Event.Reminding";
    public const string EventDetails = "Event.Details";
    public const string EventRemindSet = "Event.RemindSet";
    public const string EventRemindCancelled = "Event.RemindCancelled";
    public const string EventUnavailable = "Event.Unavailable";

    public const string AskPrompt = "Ask.Prompt";
    public const string ConsultationReceived = "Consultation.Received";
    public const string ConsultationAnswerTime = "Consultation.AnswerTime";
    public const string ConsultationAnswer = "Consultation.Answer";
    public const string FaqHint = "Faq.Hint";
    public const string HintNotText = "Hint.NotText";
    public const string ReminderMessage = "Reminder.Message";

    /// <summary>
    /// Every key the code uses, for the completeness test: the constants above and those of each feature's own key list,
    /// a static class whose name ends in <c>TextKeys</c> (e.g. <c>PublicTextKeys</c> beside <c>PublicTexts.resx</c>).
    /// </summary>
    public static IReadOnlyList<string> All { get; } =
    [
        .. typeof(TextKeys).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Name.EndsWith(nameof(TextKeys), StringComparison.Ordinal))
            .SelectMany(t => t.GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!)),
    ];
}
