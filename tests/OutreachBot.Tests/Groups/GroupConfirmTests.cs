using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Groups;
using OutreachBot.Tests.Infrastructure;
using OutreachBot.Tests.MailSubscribers;

namespace OutreachBot.Tests.Groups;

/// <summary>The yearly 内容確認: a group whose profile went a year unconfirmed is mailed once through the real SMTP server.</summary>
public abstract class GroupConfirmTests(string provider, MailServerFixture mail) : SubscribeHost(provider, mail)
{
    [SkippableFact]
    public async Task Round_GroupUnconfirmedForAYear_MailedOnceWithTheSignInLink()
    {
        var store = Bot.Services.GetRequiredService<GroupStore>();
        var round = Bot.Services.GetRequiredService<GroupConfirmRound>();
        await store.CreateAsync("一年前の会", "stale-group@example.jp", DateTimeOffset.UtcNow.AddDays(-400), default);
        await store.CreateAsync("今年の会", "fresh-group@example.jp", DateTimeOffset.UtcNow.AddDays(-30), default);

        var first = await round.AskAsync(default);
        var second = await round.AskAsync(default);
        var mails = (await Smtp.WaitForMessagesAsync(1)).Where(m => m.To.ToString().Contains("-group@example.jp", StringComparison.Ordinal)).ToList();

        Assert.Equal((1, 0), (first, second));
        var sent = Assert.Single(mails);
        Assert.Equal("stale-group@example.jp", sent.To.Mailboxes.Single().Address);
        Assert.StartsWith("【内容確認のお願い】一年前の会", sent.Subject, StringComparison.Ordinal);
        Assert.Contains($"{PublicBase}console/signin?returnUrl=%2Fconsole%2Fgroup", sent.TextBody, StringComparison.Ordinal);
    }
}

public sealed class GroupConfirmTestsOnSqlite(MailServerFixture mail) : GroupConfirmTests("Sqlite", mail), IClassFixture<MailServerFixture>;

public sealed class GroupConfirmTestsOnPostgres(MailServerFixture mail) : GroupConfirmTests("Postgres", mail), IClassFixture<MailServerFixture>;
