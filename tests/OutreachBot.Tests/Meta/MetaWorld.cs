using OutreachBot.LineEmulator.Hosting;
using OutreachBot.LineEmulator.Meta;
using OutreachBot.Meta;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Meta;

/// <summary>A bot whose Graph API is the emulator's, with the emulated Page and Instagram account.</summary>
public abstract class MetaWorld(string provider, IReadOnlyDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    protected ConversationHost Host { get; private set; } = null!;

    protected TestBot Bot => Host.Bot;

    protected TestDatabase Database => Host.Database;

    protected MetaBook Meta => Host.Line.Meta;

    protected MetaAccounts Accounts => Host.Line.Options.Meta;

    public virtual async Task InitializeAsync() =>
        Host = await ConversationHost.StartAsync(provider, settings, new EmulatorOptions { ChannelSecret = TestBot.ChannelSecret });

    public virtual async Task DisposeAsync() => await Host.DisposeAsync();

    protected T Get<T>()
        where T : notnull => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<T>(Bot.Services);

    /// <summary>Connects the emulated Page and Instagram account as an admin would in the console.</summary>
    protected async Task ConnectAsync(bool instagram = true)
    {
        var actor = new OutreachBot.Staff.StaffActor("meta-admin", null, null);
        var problem = await Get<MetaConnections>().ConnectAsync(
            Accounts.PageId, Accounts.PageAccessToken, instagram ? Accounts.InstagramUserId : null, actor, default);
        Assert.Null(problem);
    }
}
