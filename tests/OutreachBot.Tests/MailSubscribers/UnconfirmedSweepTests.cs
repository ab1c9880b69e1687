using Microsoft.Extensions.DependencyInjection;
using OutreachBot.MailSubscribers;
using OutreachBot.Subscriptions;

namespace OutreachBot.Tests.MailSubscribers;

/// <summary>Addresses never confirmed are forgotten after <c>MailSubscribers:UnconfirmedRetention</c>.</summary>
public abstract class UnconfirmedSweepTests(string provider, MailServerFixture mail) : SubscribeHost(provider, mail)
{
    [SkippableFact]
    public async Task Sweep_PendingOlderThanRetention_DeletedWhileNewerAndConfirmedStay()
    {
        using var resident = Resident();
        foreach (var address in new[] { "old@example.jp", "new@example.jp", "kept@example.jp" })
        {
            using var _ = await SubscribeAsync(resident, address);
        }

        using var confirmed = await resident.Client.GetAsync(LinkIn((await MailsToAsync("kept@example.jp")).Single(), SubscriberLinks.ConfirmPath));
        var eightDaysAgo = DateTimeOffset.UtcNow.AddDays(-8).ToUnixTimeMilliseconds();
        await Database.ExecuteAsync($"UPDATE mail_subscribers SET updated_at = {eightDaysAgo} WHERE address_key IN ('old@example.jp', 'kept@example.jp')");

        var swept = await Bot.Services.GetRequiredService<UnconfirmedSweep>().SweepAsync(default);

        Assert.Equal(1, swept);
        Assert.Equal(["kept@example.jp", "new@example.jp"], await AddressesAsync());
        Assert.Equal(1, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM mail_pending_topics"));
    }

    [SkippableFact]
    public async Task Sweep_PendingAgainAfterBeingSubscribed_ErasedAndItsHistoryKept()
    {
        var store = Bot.Services.GetRequiredService<MailSubscriberStore>();
        var volunteer = (await Bot.Services.GetRequiredService<TopicStore>().FindAsync("volunteer", default))!;
        var subscriber = await store.RequestAsync("back@example.jp", "ja", [volunteer.Id], DateTimeOffset.UtcNow, default);
        await store.ConfirmAsync(subscriber.Id, subscriber.TokenVersion, DateTimeOffset.UtcNow, default);
        await Database.ExecuteAsync("UPDATE mail_subscribers SET status = 'suppressed'");
        await store.RequestAsync("back@example.jp", "ja", [volunteer.Id], DateTimeOffset.UtcNow, default);
        await Database.ExecuteAsync($"UPDATE mail_subscribers SET updated_at = {DateTimeOffset.UtcNow.AddDays(-8).ToUnixTimeMilliseconds()}");

        var swept = await Bot.Services.GetRequiredService<UnconfirmedSweep>().SweepAsync(default);

        Assert.Equal(1, swept);
        Assert.Equal(1, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM mail_subscribers WHERE address IS NULL AND status = 'unsubscribed'"));
        Assert.Equal(1, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM mail_subscriptions WHERE ended_at IS NOT NULL"));
        Assert.Equal(0, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM mail_pending_topics"));
    }

    private async Task<string[]> AddressesAsync()
    {
        var count = await Database.ScalarAsync<long>("SELECT COUNT(*) FROM mail_subscribers");
        var result = new List<string>();
        for (var i = 0; i < count; i++)
        {
            result.Add(await Database.ScalarAsync<string>($"SELECT address_key FROM mail_subscribers ORDER BY address_key LIMIT 1 OFFSET {i}"));
        }

        return [.. result];
    }
}

public sealed class UnconfirmedSweepTestsOnSqlite(MailServerFixture mail) : UnconfirmedSweepTests("Sqlite", mail), IClassFixture<MailServerFixture>;

public sealed class UnconfirmedSweepTestsOnPostgres(MailServerFixture mail) : UnconfirmedSweepTests("Postgres", mail), IClassFixture<MailServerFixture>;
