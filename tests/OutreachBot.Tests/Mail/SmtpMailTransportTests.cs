using Microsoft.Extensions.Options;
using MimeKit;
using OutreachBot.Mail;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Mail;

/// <summary>The SMTP sender against a real SMTP server (smtp4dev).</summary>
public sealed class SmtpMailTransportTests : IAsyncLifetime
{
    private Smtp4devServer _smtp = null!;

    public async Task InitializeAsync() => _smtp = await Smtp4devServer.StartAsync();

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    [Fact]
    public async Task Send_SeveralMailsOnOneConnection_EachArrivesAsSent()
    {
        var transport = new SmtpMailTransport(Options.Create(new MailOptions { SmtpHost = "127.0.0.1", SmtpPort = _smtp.SmtpPort, Security = MailSecurity.None }));

        await using (var connection = await transport.ConnectAsync(CancellationToken.None))
        {
            for (var i = 1; i <= 3; i++)
            {
                var outcome = await connection.SendAsync(Mail($"resident{i}@example.jp", $"お知らせ {i}", $"<{i}@outreachbot.test>"), CancellationToken.None);
                Assert.Equal(MailOutcomeKind.Accepted, outcome.Kind);
            }
        }

        var received = await _smtp.WaitForMessagesAsync(3);
        Assert.Equal(["<1@outreachbot.test>", "<2@outreachbot.test>", "<3@outreachbot.test>"], received.Select(m => $"<{m.MessageId}>"));
        Assert.Equal("お知らせ 2", received[1].Subject);
        Assert.Equal("resident3@example.jp", received[2].To.Mailboxes.Single().Address);
        Assert.Equal("市民活動の本文です。", received[0].TextBody?.Trim());
    }

    [Fact]
    public async Task Send_CrLfInSubjectAndDisplayName_NoHeaderIsInjected()
    {
        var transport = new SmtpMailTransport(Options.Create(new MailOptions { SmtpHost = "127.0.0.1", SmtpPort = _smtp.SmtpPort, Security = MailSecurity.None }));
        var message = Mail("resident@example.jp", "お知らせ\r\nBcc: victim@example.jp\r\nX-Injected: subject", "<crlf@outreachbot.test>");
        message.To.Clear();
        message.To.Add(new MailboxAddress("山田\r\nX-Injected: name\r\n", "resident@example.jp"));

        await using (var connection = await transport.ConnectAsync(CancellationToken.None))
        {
            Assert.Equal(MailOutcomeKind.Accepted, (await connection.SendAsync(message, CancellationToken.None)).Kind);
        }

        var received = Assert.Single(await _smtp.WaitForMessagesAsync(1));
        Assert.DoesNotContain(received.Headers, h => h.Field is "X-Injected" or "Bcc");
        Assert.Single(received.Headers, h => h.Id == HeaderId.Subject);
        Assert.Contains("X-Injected: subject", received.Subject, StringComparison.Ordinal);
        Assert.Equal("resident@example.jp", received.To.Mailboxes.Single().Address);
        Assert.Contains("X-Injected: name", received.To.Mailboxes.Single().Name, StringComparison.Ordinal);
    }

    private static MimeMessage Mail(string to, string subject, string messageId)
    {
        var message = new MimeMessage { Subject = subject, MessageId = messageId.Trim('<', '>') };
        message.From.Add(new MailboxAddress("市民活動推進課", "katsudo@city.example.jp"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Body = new TextPart("plain") { Text = "市民活動の本文です。" };
        return message;
    }
}
