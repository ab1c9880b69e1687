using OutreachBot;
using OutreachBot.Analytics;
using OutreachBot.Broadcasts;
using OutreachBot.Broadcasts.MailDelivery;
using OutreachBot.CivicEvents;
using OutreachBot.Cluster;
using OutreachBot.Consultations;
using OutreachBot.Disaster;
using OutreachBot.Groups;
using OutreachBot.Conversations;
using OutreachBot.Health;
using OutreachBot.LineSending;
using OutreachBot.LocalMode;
using OutreachBot.Mail;
using OutreachBot.Meta;
using OutreachBot.Privacy;
using OutreachBot.PublicSite;
using OutreachBot.MailSubscribers;
using OutreachBot.Scheduler;
using OutreachBot.StaffConsole;
using OutreachBot.Subscriptions;
using OutreachBot.Surveys;
using OutreachBot.Webhook;
using OutreachBot.Profiles;
using OutreachBot.Profiles.CityLists;

var builder = WebApplication.CreateBuilder(args);
builder.Host.UseSystemd();
builder.AddLocalModeWhenNoChannel();
builder.Services.AddBotOptions(builder.Configuration);
builder.Services.AddStorage(builder.Configuration);
builder.Services.AddLineMessagingClient(builder.Configuration);
builder.Services.AddWebhookInbox(builder.Configuration);
builder.Services.AddSubscriptions();
builder.Services.AddCivicEvents();
builder.Services.AddConsultations();
builder.Services.AddPrivacy(builder.Configuration);
builder.Services.AddConversations(builder.Configuration);
builder.Services.AddBroadcasts(builder.Configuration);
builder.Services.AddMail(builder.Configuration);
builder.Services.AddBroadcastMail();
builder.Services.AddPublicSite();
builder.Services.AddMailSubscribers(builder.Configuration);
builder.Services.AddCluster(builder.Configuration);
builder.Services.AddScheduler(builder.Configuration);
builder.Services.AddLineSending(builder.Configuration);
builder.Services.AddStaffApi(builder.Configuration);
builder.Services.AddConsole(builder.Configuration);
builder.Services.AddHealth();
builder.Services.AddDisasterMode(builder.Configuration);
builder.Services.AddMeta(builder.Configuration);
builder.Services.AddSurveys(builder.Configuration);
builder.Services.AddProfiles();
builder.Services.AddAnalytics(builder.Configuration);
builder.Services.AddGroups(builder.Configuration);

var app = builder.Build();
app.UseLineWebhook();
app.UseRouting(); // after the webhook, which needs none; otherwise the host would put routing first
app.UseConsole();
app.UsePublicSite();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealth();
app.MapStaffApi()
    .MapInboxApi()
    .MapTopicsApi()
    .MapStatsApi()
    .MapEventsApi()
    .MapFaqApi()
    .MapConsultationsApi()
    .MapBroadcastsApi()
    .MapMailSubscribersApi();
app.MapDisasterMode();
app.MapSurveysApi();
app.MapCityListsApi();
app.MapSocialPostsApi();
app.MapGroups();
app.MapConsole();
app.MapPublicSite();
app.Run();

public partial class Program;
