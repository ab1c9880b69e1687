using OutreachBot;
using OutreachBot.Api;
using OutreachBot.Broadcasts;
using OutreachBot.Health;
using OutreachBot.Line.Messaging;
using OutreachBot.Storage;
using OutreachBot.Subscriptions;
using OutreachBot.Webhook;
using Microsoft.Extensions.DependencyInjection.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddBotOptions(builder.Configuration);
builder.Services.AddStorage(builder.Configuration);
builder.Services.AddLineMessagingClient(builder.Configuration);
builder.Services.AddWebhookInbox(builder.Configuration);
builder.Services.AddSubscriptions();
builder.Services.AddBroadcasts(builder.Configuration);
builder.Services.AddStaffApi(builder.Configuration);
builder.Services.AddHealth();
// Until the conversation feature registers its handler, webhook events are stored and skipped, so the bot can run.
builder.Services.TryAddSingleton<IInboxHandler, SkipUntilConversation>();

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

internal sealed class SkipUntilConversation : IInboxHandler
{
    public Task<InboxOutcome> HandleAsync(InboxEvent inboxEvent, CancellationToken cancellationToken) => Task.FromResult(InboxOutcome.Skipped);
}
