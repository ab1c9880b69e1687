using OutreachBot.LineEmulator.Hosting;

// The LINE emulator alone: dotnet run --project src/OutreachBot.LineEmulator -- --urls http://127.0.0.1:5080
// Settings under "Emulator" (EmulatorOptions): ChannelAccessTokens, ChannelSecret, BotWebhookUrl, MonthlyQuota...
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddLineEmulator(builder.Configuration);

var app = builder.Build();
app.MapLineEmulatorApi();

// The chat page (Chat/) maps here once merged: app.MapLineEmulatorChat();

app.Run();
