using Microsoft.Extensions.Options;
using MimeKit;
using OutreachBot.Mail;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Mail;

/// <summary>Signing in to a relay that requires it (smtp4dev with one user, any other credentials refused).</summary>
public sealed class SmtpAuthenticationTests : IAsyncLifetime
{
    private const string UserName = "katsudo";
    private const string Password = "kouhou-2026";
    private Smtp4devServer _smtp = null!;

    // smtp4dev 3.15 accepts any user name and password unless --smtpallowanycredentials- (the trailing minus) turns that off.
    public async Task InitializeAsync() =>
        _smtp = await Smtp4devServer.StartAsync(10_000, "--authenticationrequired", "--smtpallowanycredentials-", $"--user={UserName}={Password}");

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    [Fact]
    public async Task Connect_RightPassword_MailArrives()
    {
        await using (var connection = await Transport(Password).ConnectAsync(CancellationToken.None))
        {
            Assert.Equal(MailOutcomeKind.Accepted, (await connection.SendAsync(Mail(), CancellationToken.None)).Kind);
        }

        Assert.Equal("認証のテスト", Assert.Single(await _smtp.WaitForMessagesAsync(1)).Subject);
    }

    [Fact]
    public async Task Connect_WrongPassword_ThrowsNamingTheSettingsWithoutThePassword()
    {
        var error = await Assert.ThrowsAsync<MailConnectException>(() => Transport("wrong-guess").ConnectAsync(CancellationToken.None));

        Assert.Contains("Mail:Password", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-guess", error.Message, StringComparison.Ordinal);
        Assert.Empty(await _smtp.MessagesAsync());
    }

    [Fact]
    public async Task Send_NoUserNameWhereSigningInIsRequired_NotAccepted()
    {
        await using var connection = await Transport(null).ConnectAsync(CancellationToken.None);

        var outcome = await connection.SendAsync(Mail(), CancellationToken.None);

        Assert.NotEqual(MailOutcomeKind.Accepted, outcome.Kind);
        Assert.Contains("530", outcome.Reply ?? "", StringComparison.Ordinal);
    }

    private SmtpMailTransport Transport(string? password) => new(Options.Create(new MailOptions
    {
        SmtpHost = "127.0.0.1", SmtpPort = _smtp.SmtpPort, Security = MailSecurity.None,
        UserName = password is null ? null : UserName, Password = password,
    }));

    private static MimeMessage Mail()
    {
        var message = new MimeMessage { Subject = "認証のテスト" };
        message.From.Add(new MailboxAddress("市民活動推進課", "katsudo@city.example.jp"));
        message.To.Add(new MailboxAddress("", "resident@example.jp"));
        message.Body = new TextPart("plain") { Text = "本文" };
        return message;
    }
}
