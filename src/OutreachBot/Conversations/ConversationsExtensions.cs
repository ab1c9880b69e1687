using Microsoft.Extensions.Options;
using OutreachBot.Conversations.Flows;
using OutreachBot.Conversations.Menu;
using OutreachBot.Conversations.RichMenus;
using OutreachBot.Hosting;
using OutreachBot.Webhook;

namespace OutreachBot.Conversations;

public static class ConversationsExtensions
{
    /// <summary>
    /// The conversation with citizens as the inbox's handler (<see cref="ConversationRouter"/>, one per event), its
    /// texts, the main menu (the entries the features register, and its own: language and help) and the rich menus
    /// drawn from it, provisioned at start. Needs AddSubscriptions, AddCivicEvents, AddConsultations and AddPrivacy.
    /// </summary>
    public static IServiceCollection AddConversations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<ConversationOptions>(configuration, ConversationOptions.Section)
            .Validate(o => o.LoadingAnimationSeconds % 5 == 0, "Conversations:LoadingAnimationSeconds must be 5 to 60 in steps of 5.")
            .Validate(o => o.ReplyTokenMaxAge > TimeSpan.Zero && o.ReplyTokenMaxAge <= TimeSpan.FromMinutes(1), "Conversations:ReplyTokenMaxAge must be over 0 and at most a minute (LINE's reply token life).")
            .Validate(o => o.PushFallbackMaxAge >= o.ReplyTokenMaxAge, "Conversations:PushFallbackMaxAge must be at least Conversations:ReplyTokenMaxAge.")
            .Validate(o => o.ConfirmationLifetime > TimeSpan.Zero && o.QuestionWait > TimeSpan.Zero && o.ProfileTimeout > TimeSpan.Zero, "Conversations durations must be positive.");
        services.AddSingleton(sp => TextCatalog.Load(sp.GetRequiredService<IOptions<ConversationOptions>>().Value.Texts));
        services.AddSingleton<TextCommands>();
        services.AddMenuEntry(new MenuEntry("language", TextKeys.MenuLanguage, new Command.ShowLanguages(), Order: 50));
        services.AddMenuEntry(new MenuEntry("help", TextKeys.MenuHelp, new Command.ShowHelp(), Order: 60));
        services.AddSingleton<MainMenu>();
        services.AddSingleton<AnswerThrottle>();
        services.AddSingleton<ConversationStateStore>();
        services.AddSingleton<RichMenuDirectory>();
        services.AddHostedService<RichMenuProvisioner>();

        services.AddScoped<Turns>();
        services.AddScoped<ChatReplier>();
        services.AddScoped<RichMenuLinker>();
        services.AddScoped<WelcomeFlow>();
        services.AddScoped<TopicFlow>();
        services.AddScoped<EventFlow>();
        services.AddScoped<ApplicationFlow>();
        services.AddScoped<MyApplicationsFlow>();
        services.AddScoped<RatingFlow>();
        services.AddScoped<QuestionFlow>();
        services.AddScoped<ConversationRouter>();
        services.AddSingleton<IInboxHandler, ScopedInboxHandler<ConversationRouter>>();
        return services;
    }
}
