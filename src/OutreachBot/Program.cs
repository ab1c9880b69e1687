using OutreachBot;
using OutreachBot.Api;
using OutreachBot.Broadcasts;
using OutreachBot.Health;
using OutreachBot.Line.Messaging;
using OutreachBot.Storage;
using OutreachBot.Subscriptions;
using OutreachBot.Webhook;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddBotOptions(builder.Configuration);
builder.Services.AddStorage(builder.Configuration);
builder.Services.AddLineMessagingClient(builder.Configuration);
builder.Services.AddWebhookInbox(builder.Configuration);
builder.Services.AddSubscriptions();
builder.Services.AddBroadcasts(builder.Configuration);
builder.Services.AddStaffApi(builder.Configuration);
builder.Services.AddHealth();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapHealth();
app.MapLineWebhook();
app.MapStaffApi().MapInboxApi().MapTopicsApi().MapStatsApi().MapBroadcastsApi();
app.Run();

public partial class Program;
