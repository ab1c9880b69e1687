using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Crypto;
using OutreachBot.Mail;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Mail;

/// <summary>DKIM signatures as a receiver checks them: mails through smtp4dev, verified against the DNS record the README describes.</summary>
public sealed class DkimSigningTests : IAsyncLifetime
{
    private const string Domain = "city.example.jp";
    private const string Selector = "mail2026";
    private readonly RSA _key = RSA.Create(2048);
    private readonly string _keyFile = Path.Combine(Path.GetTempPath(), $"dkim-{Guid.NewGuid():N}.pem");
    private Smtp4devServer _smtp = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(_keyFile, _key.ExportRSAPrivateKeyPem());
        _smtp = await Smtp4devServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        File.Delete(_keyFile);
        _key.Dispose();
    }

    [Fact]
    public async Task Send_DkimConfigured_ReceivedMailVerifiesRelaxedOverTheListedHeaders()
    {
        var received = Assert.Single(await SendAsync(Transport(signed: true), Mail()));

        var signature = Assert.Single(received.Headers, h => h.Id == HeaderId.DkimSignature);
        var tags = signature.Value.Replace(" ", "", StringComparison.Ordinal).Replace("\t", "", StringComparison.Ordinal);
        Assert.Contains("c=relaxed/relaxed", tags, StringComparison.Ordinal);
        Assert.Contains($"d={Domain}", tags, StringComparison.Ordinal);
        Assert.Contains($"s={Selector}", tags, StringComparison.Ordinal);
        Assert.Contains("h=from:to:subject:date:message-id:list-unsubscribe:list-unsubscribe-post:mime-version:content-type",
            tags.Replace("\r\n", "", StringComparison.Ordinal).ToLowerInvariant(), StringComparison.Ordinal);
        Assert.True(await Verifier().VerifyAsync(received, signature));
    }

    [Fact]
    public async Task Verify_BodyChangedAfterSigning_Fails()
    {
        var received = Assert.Single(await SendAsync(Transport(signed: true), Mail()));

        Assert.IsType<TextPart>(received.Body).Text = "差し替えられた本文";

        Assert.False(await Verifier().VerifyAsync(received, received.Headers.Single(h => h.Id == HeaderId.DkimSignature)));
    }

    [Fact]
    public async Task Send_SameMailTwice_EachCarriesOneValidSignature()
    {
        var mail = Mail();
        var received = await SendAsync(Transport(signed: true), mail, mail);

        Assert.Equal(2, received.Count);
        foreach (var message in received)
        {
            Assert.True(await Verifier().VerifyAsync(message, Assert.Single(message.Headers, h => h.Id == HeaderId.DkimSignature)));
        }
    }

    [Fact]
    public async Task Send_NoDkimSettings_NotSigned()
    {
        var received = Assert.Single(await SendAsync(Transport(signed: false), Mail()));

        Assert.DoesNotContain(received.Headers, h => h.Id == HeaderId.DkimSignature);
    }

    private async Task<IReadOnlyList<MimeMessage>> SendAsync(SmtpMailTransport transport, params MimeMessage[] mails)
    {
        await using (var connection = await transport.ConnectAsync(CancellationToken.None))
        {
            foreach (var mail in mails)
            {
                Assert.Equal(MailOutcomeKind.Accepted, (await connection.SendAsync(mail, CancellationToken.None)).Kind);
            }
        }

        return await _smtp.WaitForMessagesAsync(mails.Length);
    }

    private SmtpMailTransport Transport(bool signed) => new(Options.Create(new MailOptions
    {
        SmtpHost = "127.0.0.1", SmtpPort = _smtp.SmtpPort, Security = MailSecurity.None,
        DkimDomain = signed ? Domain : null, DkimSelector = signed ? Selector : null, DkimPrivateKeyPath = signed ? _keyFile : null,
    }));

    /// <summary>A receiver that finds the public key where DNS would: the TXT record <c>mail2026._domainkey.city.example.jp</c>.</summary>
    private DkimVerifier Verifier() =>
        new(new RecordLocator($"{Selector}._domainkey.{Domain}", $"v=DKIM1; k=rsa; p={Convert.ToBase64String(_key.ExportSubjectPublicKeyInfo())}"));

    private static MimeMessage Mail()
    {
        var message = new MimeMessage { Subject = "今月の市民活動のお知らせ", MessageId = $"{Guid.NewGuid():N}@{Domain}" };
        message.From.Add(new MailboxAddress("市民活動推進課", $"katsudo@{Domain}"));
        message.To.Add(new MailboxAddress("", "resident@example.jp"));
        message.Headers.Add(HeaderId.ListUnsubscribe, "<https://bot.city.example.jp/subscribe/unsubscribe?t=abc>");
        message.Headers.Add(HeaderId.ListUnsubscribePost, "List-Unsubscribe=One-Click");
        message.Body = new TextPart("plain") { Text = "土曜日に清掃活動があります。\nご参加ください。" };
        return message;
    }

    private sealed class RecordLocator(string name, string txt) : DkimPublicKeyLocatorBase
    {
        public override AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            $"{selector}._domainkey.{domain}" == name ? GetPublicKey(txt) : throw new InvalidOperationException($"No TXT record {selector}._domainkey.{domain}.");

        public override Task<AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
    }
}
