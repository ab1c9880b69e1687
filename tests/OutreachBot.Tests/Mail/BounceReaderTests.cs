using System.Globalization;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;
using OutreachBot.Mail.Bounces;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Mail;

/// <summary>Bounces that come back later (RFC 3464 reports) read from smtp4dev's IMAP mailbox, counted against the subscriber.</summary>
public abstract class BounceReaderTests(string provider) : IAsyncLifetime
{
    private const string Gone = "gone@example.jp";
    private Smtp4devServer _smtp = null!;
    private TestWorld _world = null!;
    private readonly LogRecorder _logs = new();
    private int _delivered;

    private TestDatabase Database => _world.Database;

    public async Task InitializeAsync()
    {
        _smtp = await Smtp4devServer.StartAsync();
        _world = await TestWorld.StartAsync(provider);
        _world.StartBot(new Dictionary<string, string?>
        {
            ["Mail:BounceImapHost"] = "127.0.0.1",
            ["Mail:BounceImapPort"] = _smtp.ImapPort.ToString(CultureInfo.InvariantCulture),
            ["Mail:BounceImapSecurity"] = "None",
            ["Mail:BounceImapUserName"] = "bounces",
            ["Mail:BounceImapPassword"] = "bounces",
            ["Mail:BouncePollInterval"] = "1.00:00:00",
            ["Logging:LogLevel:OutreachBot.Mail"] = "Information",
        }, s => s.AddSingleton<ILoggerProvider>(_logs));
        await Database.ExecuteAsync(
            """
            INSERT INTO mail_subscribers (address, address_key, language, status, source, created_at, updated_at)
            VALUES ('Gone@Example.jp', 'gone@example.jp', 'ja', 'confirmed', 'form', 0, 0)
            """);
    }

    public async Task DisposeAsync()
    {
        await _world.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private BounceReader Reader => _world.Bot.Services.GetRequiredService<BounceReader>();

    [SkippableFact]
    public async Task Poll_FailedDeliveryReport_CountsOnceWithTheDiagnosticAndDeletesIt()
    {
        await DeliverAsync(Report("failed", "5.1.1", "smtp; 550 5.1.1 <gone@example.jp>: Recipient address rejected: User unknown"));

        var first = await Reader.PollAsync(CancellationToken.None);
        var second = await Reader.PollAsync(CancellationToken.None);

        Assert.Equal(new BouncePoll(Reports: 1, Failures: 1, LeftForPeople: 0), first);
        Assert.Equal(new BouncePoll(0, 0, 0), second);
        Assert.Equal(1, await Database.ScalarAsync<long>("SELECT consecutive_failures FROM mail_subscribers"));
        Assert.Equal("5.1.1 smtp; 550 5.1.1 <gone@example.jp>: Recipient address rejected: User unknown",
            await Database.ScalarAsync<string>("SELECT last_failure FROM mail_subscribers"));
        Assert.Empty(await MailboxAsync());
        Assert.Contains(_logs.Messages, m => m.Contains("1 delivery reports counted", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Messages, m => m.Contains(Gone, StringComparison.OrdinalIgnoreCase));
    }

    [SkippableFact]
    public async Task Poll_TwoReadersAtOnce_EachReportCountedOnce()
    {
        for (var i = 0; i < 3; i++)
        {
            await DeliverAsync(Report("failed", "5.1.1", "smtp; 550 5.1.1 User unknown"));
        }

        var polls = await Task.WhenAll(Reader.PollAsync(CancellationToken.None), Reader.PollAsync(CancellationToken.None));

        Assert.Equal(3, polls.Sum(p => p.Reports));
        Assert.Equal(3, await Database.ScalarAsync<long>("SELECT consecutive_failures FROM mail_subscribers"));
        Assert.Empty(await MailboxAsync());
    }

    [SkippableFact]
    public async Task Poll_ThreeFailedReports_SuppressesTheSubscriber()
    {
        for (var i = 0; i < 3; i++)
        {
            await DeliverAsync(Report("failed", "5.2.1", "smtp; 550 5.2.1 Mailbox disabled"));
        }

        var poll = await Reader.PollAsync(CancellationToken.None);

        Assert.Equal(3, poll.Reports);
        Assert.Equal("suppressed", await Database.ScalarAsync<string>("SELECT status FROM mail_subscribers"));
    }

    [SkippableFact]
    public async Task Poll_DelayReportAndOrdinaryMail_LeftUnseenAndUncounted()
    {
        await DeliverAsync(Report("delayed", "4.4.7", "smtp; 451 4.4.7 Try again later"));
        var ordinary = new MimeMessage { Subject = "イベントについての質問" };
        ordinary.From.Add(MailboxAddress.Parse("resident@example.jp"));
        ordinary.To.Add(MailboxAddress.Parse("bounces@city.example.jp"));
        ordinary.Body = new TextPart("plain") { Text = "駐車場はありますか。" };
        await DeliverAsync(ordinary);

        var poll = await Reader.PollAsync(CancellationToken.None);

        Assert.Equal(new BouncePoll(0, 0, LeftForPeople: 2), poll);
        Assert.Equal(0, await Database.ScalarAsync<long>("SELECT consecutive_failures FROM mail_subscribers"));
        var left = await MailboxAsync();
        Assert.Equal(2, left.Count);
        Assert.All(left, flags => Assert.False(flags.HasFlag(MessageFlags.Seen)));
    }

    [SkippableFact]
    public async Task Poll_ReportAnotherReaderCounted_CountsNothingAndDeletesIt()
    {
        var report = Report("failed", "5.1.1", "smtp; 550 5.1.1 User unknown");
        await DeliverAsync(report);
        await Database.ExecuteAsync($"INSERT INTO mail_bounce_reports (report_key, counted_at) VALUES ('id:{report.MessageId}', {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()})");

        var poll = await Reader.PollAsync(CancellationToken.None);

        Assert.Equal(0, poll.Reports);
        Assert.Equal(0, await Database.ScalarAsync<long>("SELECT consecutive_failures FROM mail_subscribers"));
        Assert.Empty(await MailboxAsync());
    }

    /// <summary>A delivery status notification as a receiving MTA writes it, about one mail to <see cref="Gone"/>.</summary>
    private static MimeMessage Report(string action, string status, string diagnostic)
    {
        var report = new MimeMessage { Subject = "Undelivered Mail Returned to Sender", MessageId = $"{Guid.NewGuid():N}@mx.example.jp" };
        report.From.Add(new MailboxAddress("Mail Delivery System", "MAILER-DAEMON@mx.example.jp"));
        report.To.Add(MailboxAddress.Parse("bounces@city.example.jp"));
        var fields = new MessageDeliveryStatus();
        fields.StatusGroups.Add(new HeaderList { { "Reporting-MTA", "dns; mx.example.jp" }, { "Arrival-Date", DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture) } });
        fields.StatusGroups.Add(new HeaderList
        {
            { "Final-Recipient", $"rfc822; {Gone}" }, { "Action", action }, { "Status", status }, { "Diagnostic-Code", diagnostic },
        });
        var original = new MimeMessage { Subject = "今月のお知らせ", MessageId = "run-1-subscriber-1@city.example.jp" };
        original.From.Add(MailboxAddress.Parse("katsudo@city.example.jp"));
        original.To.Add(MailboxAddress.Parse(Gone));
        report.Body = new MultipartReport("delivery-status")
        {
            new TextPart("plain") { Text = "This is the mail system at host mx.example.jp. Your message could not be delivered." },
            fields,
            new TextRfc822Headers { Message = original },
        };
        return report;
    }

    private async Task DeliverAsync(MimeMessage message)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", _smtp.SmtpPort, SecureSocketOptions.None);
        await client.SendAsync(message);
        await client.DisconnectAsync(true);
        await _smtp.WaitForMessagesAsync(++_delivered);
    }

    /// <summary>The flags of the mails still in the bounce mailbox.</summary>
    private async Task<IReadOnlyList<MessageFlags>> MailboxAsync()
    {
        using var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", _smtp.ImapPort, SecureSocketOptions.None);
        await client.AuthenticateAsync("bounces", "bounces");
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        var summaries = client.Inbox.Count == 0 ? [] : await client.Inbox.FetchAsync(0, -1, MessageSummaryItems.Flags);
        await client.DisconnectAsync(true);
        return summaries.Select(s => s.Flags ?? MessageFlags.None).ToList();
    }
}

public sealed class BounceReaderTestsOnSqlite() : BounceReaderTests("Sqlite");

public sealed class BounceReaderTestsOnPostgres() : BounceReaderTests("Postgres");
