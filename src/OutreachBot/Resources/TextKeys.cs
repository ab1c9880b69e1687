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

    public const string MenuApplications = "Menu.Applications";
    public const string EventApply = "Event.Apply";
    public const string EventApplyWaiting = "Event.ApplyWaiting";
    public const string EventApplied = "Event.Applied";
    public const string EventAppliedWaiting = "Event.AppliedWaiting";
    public const string EventMap = "Event.Map";
    public const string EventFee = "Event.Fee";
    public const string EventBring = "Event.Bring";
    public const string EventOrganizer = "Event.Organizer";
    public const string EventAccessibility = "Event.Accessibility";
    public const string ApplyParty = "Apply.Party";
    public const string ApplyPartyOption = "Apply.PartyOption";
    public const string ApplyBack = "Apply.Back";
    public const string ApplyQuit = "Apply.Quit";
    public const string ApplyNumberHint = "Apply.NumberHint";
    public const string ApplyTextHint = "Apply.TextHint";
    public const string ApplyInvalid = "Apply.Invalid";
    public const string ApplySummary = "Apply.Summary";
    public const string ApplySummaryFull = "Apply.SummaryFull";
    public const string ApplyPartyLine = "Apply.PartyLine";
    public const string ApplyAnswerLine = "Apply.AnswerLine";
    public const string ApplyConfirm = "Apply.Confirm";
    public const string ApplyConfirmWaiting = "Apply.ConfirmWaiting";
    public const string ApplyConfirmed = "Apply.Confirmed";
    public const string ApplyWaiting = "Apply.Waiting";
    public const string ApplyAlready = "Apply.Already";
    public const string ApplyClosed = "Apply.Closed";
    public const string ApplyQuitted = "Apply.Quitted";
    public const string ApplyExpired = "Apply.Expired";
    public const string ApplicationsIntro = "Applications.Intro";
    public const string ApplicationsNone = "Applications.None";
    public const string ApplicationsAltText = "Applications.AltText";
    public const string ApplicationsConfirmed = "Applications.Confirmed";
    public const string ApplicationsWaiting = "Applications.Waiting";
    public const string ApplicationsCancel = "Applications.Cancel";
    public const string ApplicationsCancelAsk = "Applications.CancelAsk";
    public const string ApplicationsCancelYes = "Applications.CancelYes";
    public const string ApplicationsCancelNo = "Applications.CancelNo";
    public const string ApplicationsCancelled = "Applications.Cancelled";
    public const string ApplicationsNotFound = "Applications.NotFound";
    public const string ApplicationsAlreadyCancelled = "Applications.AlreadyCancelled";
    public const string ApplicationsTooLate = "Applications.TooLate";
    public const string ApplicationsKept = "Applications.Kept";
    public const string NoticeMovedUp = "Notice.MovedUp";
    public const string NoticeCancelled = "Notice.Cancelled";
    public const string NoticeMoved = "Notice.Moved";

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
