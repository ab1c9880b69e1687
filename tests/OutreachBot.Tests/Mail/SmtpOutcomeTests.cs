using Microsoft.Extensions.Options;
using MimeKit;
using OutreachBot.Mail;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Mail;

/// <summary>What the SMTP sender makes of each answer a relay can give, against a scripted SMTP endpoint.</summary>
public sealed class SmtpOutcomeTests
{
    [Fact]
    public async Task Send_ServerSays250_Accepted()
    {
        await using var server = new ScriptedSmtpServer();
        await using var connection = await Connect(server);

        var outcome = await connection.SendAsync(Mail(1), CancellationToken.None);

        Assert.Equal(MailOutcomeKind.Accepted, outcome.Kind);
        Assert.Equal(1, server.Accepted);
    }

    [Fact]
    public async Task Send_451OnRcpt_TransientWithReplyAndTheConnectionStillSends()
    {
        await using var server = new ScriptedSmtpServer(new SmtpMailScript(RcptReply: "451 4.7.1 Greylisted, try again later"));
        await using var connection = await Connect(server);

        var outcome = await connection.SendAsync(Mail(1), CancellationToken.None);
        var next = await connection.SendAsync(Mail(2), CancellationToken.None);

        Assert.Equal(new MailOutcome(MailOutcomeKind.Transient, "451 4.7.1 Greylisted, try again later"), outcome);
        Assert.Equal(MailOutcomeKind.Accepted, next.Kind);
        Assert.Equal((1, 1), (server.Connections, server.Accepted));
    }

    [Fact]
    public async Task Send_451AfterData_TransientWithReply()
    {
        await using var server = new ScriptedSmtpServer(new SmtpMailScript(DataReply: "451 4.3.0 Queue full"));
        await using var connection = await Connect(server);

        var outcome = await connection.SendAsync(Mail(1), CancellationToken.None);
        var next = await connection.SendAsync(Mail(2), CancellationToken.None);

        Assert.Equal(new MailOutcome(MailOutcomeKind.Transient, "451 4.3.0 Queue full"), outcome);
        Assert.Equal(MailOutcomeKind.Accepted, next.Kind);
    }

    [Fact]
    public async Task Send_550OnRcpt_PermanentWithReplyAndTheConnectionStillSends()
    {
        await using var server = new ScriptedSmtpServer(new SmtpMailScript(RcptReply: "550 5.1.1 <resident1@example.jp>: user unknown"));
        await using var connection = await Connect(server);

        var outcome = await connection.SendAsync(Mail(1), CancellationToken.None);
        var next = await connection.SendAsync(Mail(2), CancellationToken.None);

        Assert.Equal(new MailOutcome(MailOutcomeKind.Permanent, "550 5.1.1 <resident1@example.jp>: user unknown"), outcome);
        Assert.Equal(MailOutcomeKind.Accepted, next.Kind);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task Send_ConnectionDroppedAfterData_TransientAndConnectionLost()
    {
        await using var server = new ScriptedSmtpServer(new SmtpMailScript(DropAfterData: true));
        await using var connection = await Connect(server);

        var outcome = await connection.SendAsync(Mail(1), CancellationToken.None);

        Assert.Equal(MailOutcomeKind.Transient, outcome.Kind);
        Assert.True(outcome.ConnectionLost);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Reply));
        Assert.Equal(0, server.Accepted);
    }

    [Fact]
    public async Task Send_ServerNeverAnswersTheData_TransientAndConnectionLostAfterTheTimeout()
    {
        await using var server = new ScriptedSmtpServer(new SmtpMailScript(DataReply: null));
        await using var connection = await Connect(server, TimeSpan.FromSeconds(1));
        var started = DateTimeOffset.UtcNow;

        var outcome = await connection.SendAsync(Mail(1), CancellationToken.None);

        Assert.Equal(MailOutcomeKind.Transient, outcome.Kind);
        Assert.True(outcome.ConnectionLost);
        Assert.InRange(DateTimeOffset.UtcNow - started, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Send_ServerNeverAnswersTheRecipient_TransientAndConnectionLost()
    {
        await using var server = new ScriptedSmtpServer(new SmtpMailScript(RcptReply: null));
        await using var connection = await Connect(server, TimeSpan.FromSeconds(1));

        var outcome = await connection.SendAsync(Mail(1), CancellationToken.None);

        Assert.Equal((MailOutcomeKind.Transient, true), (outcome.Kind, outcome.ConnectionLost));
    }

    [Fact]
    public async Task Send_ManyMails_OneConnectionCarriesThemAll()
    {
        await using var server = new ScriptedSmtpServer();
        await using (var connection = await Connect(server))
        {
            for (var i = 1; i <= 25; i++)
            {
                Assert.Equal(MailOutcomeKind.Accepted, (await connection.SendAsync(Mail(i), CancellationToken.None)).Kind);
            }
        }

        Assert.Equal((1, 25), (server.Connections, server.Accepted));
    }

    [Fact]
    public async Task Connect_NothingListening_ThrowsNamingTheSettings()
    {
        var transport = new SmtpMailTransport(Options.Create(new MailOptions
        {
            SmtpHost = "127.0.0.1", SmtpPort = LocalMachine.FreePort(), Security = MailSecurity.None, Timeout = TimeSpan.FromSeconds(2),
        }));

        var error = await Assert.ThrowsAsync<MailConnectException>(() => transport.ConnectAsync(CancellationToken.None));

        Assert.Contains("Mail:SmtpHost", error.Message, StringComparison.Ordinal);
    }

    private static Task<IMailConnection> Connect(ScriptedSmtpServer server, TimeSpan? timeout = null) =>
        new SmtpMailTransport(Options.Create(new MailOptions
        {
            SmtpHost = "127.0.0.1", SmtpPort = server.Port, Security = MailSecurity.None, Timeout = timeout ?? TimeSpan.FromSeconds(10),
        })).ConnectAsync(CancellationToken.None);

    private static MimeMessage Mail(int i)
    {
        var message = new MimeMessage { Subject = $"お知らせ {i}", MessageId = $"{i}@outreachbot.test" };
        message.From.Add(new MailboxAddress("市民活動推進課", "katsudo@city.example.jp"));
        message.To.Add(new MailboxAddress("", $"resident{i}@example.jp"));
        message.Body = new TextPart("plain") { Text = "市民活動の本文です。" };
        return message;
    }
}
