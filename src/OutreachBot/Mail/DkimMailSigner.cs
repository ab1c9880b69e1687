using System.Security.Cryptography;
using MimeKit;
using MimeKit.Cryptography;

namespace OutreachBot.Mail;

/// <summary>
/// Signs each mail with DKIM (RFC 6376) when <c>Mail:DkimDomain</c>, <c>Mail:DkimSelector</c> and
/// <c>Mail:DkimPrivateKeyPath</c> are set: rsa-sha256, relaxed/relaxed, over the headers a receiver shows or acts on.
/// </summary>
public sealed class DkimMailSigner
{
    private static readonly HeaderId[] SignedHeaders =
    [
        HeaderId.From, HeaderId.To, HeaderId.Subject, HeaderId.Date, HeaderId.MessageId, HeaderId.ListUnsubscribe,
        HeaderId.ListUnsubscribePost, HeaderId.MimeVersion, HeaderId.ContentType,
    ];

    private readonly DkimSigner _signer;

    private DkimMailSigner(DkimSigner signer) => _signer = signer;

    /// <summary>The signer for these settings, or <see langword="null"/> when DKIM is not configured.</summary>
    public static DkimMailSigner? From(MailOptions options)
    {
        if (!Configured(options))
        {
            return null;
        }

        return new DkimMailSigner(new DkimSigner(options.DkimPrivateKeyPath!, options.DkimDomain!, options.DkimSelector!)
        {
            HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
        });
    }

    /// <summary>What is wrong with the DKIM settings, or <see langword="null"/> when they are all unset or all usable.</summary>
    public static string? Problem(MailOptions options)
    {
        var set = new[] { options.DkimDomain, options.DkimSelector, options.DkimPrivateKeyPath }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (set == 0)
        {
            return null;
        }

        if (set < 3)
        {
            return "Mail:DkimDomain, Mail:DkimSelector and Mail:DkimPrivateKeyPath must be set together (all three to sign mails with DKIM, or none).";
        }

        string pem;
        try
        {
            pem = File.ReadAllText(options.DkimPrivateKeyPath!);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"Mail:DkimPrivateKeyPath: the key file {options.DkimPrivateKeyPath} cannot be read ({ex.Message}).";
        }

        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            _ = From(options);
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException or FormatException or InvalidOperationException or IOException)
        {
            return $"Mail:DkimPrivateKeyPath: {options.DkimPrivateKeyPath} is not a PEM RSA private key (make one with `openssl genrsa -out dkim.pem 2048`).";
        }
    }

    /// <summary>Signs the mail as it will be sent, replacing an earlier signature (a mail tried again is signed again).</summary>
    public void Sign(MimeMessage message)
    {
        message.Headers.RemoveAll(HeaderId.DkimSignature);
        message.Prepare(EncodingConstraint.SevenBit);
        _signer.Sign(message, SignedHeaders);
    }

    private static bool Configured(MailOptions options) =>
        !string.IsNullOrWhiteSpace(options.DkimDomain) && !string.IsNullOrWhiteSpace(options.DkimSelector) && !string.IsNullOrWhiteSpace(options.DkimPrivateKeyPath);
}
