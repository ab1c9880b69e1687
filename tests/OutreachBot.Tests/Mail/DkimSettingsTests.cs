using System.Security.Cryptography;
using OutreachBot.Mail;

namespace OutreachBot.Tests.Mail;

/// <summary>The DKIM settings checked at start: all three or none, and a key file that is a PEM RSA private key.</summary>
public sealed class DkimSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dkim-settings-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Validate_NoneSet_Succeeds() => Assert.True(Validate(new MailOptions()).Succeeded);

    [Fact]
    public void Validate_AllSetWithAnRsaKey_Succeeds()
    {
        using var rsa = RSA.Create(2048);
        var path = Write("dkim.pem", rsa.ExportPkcs8PrivateKeyPem());

        Assert.True(Validate(Dkim(path)).Succeeded);
    }

    [Fact]
    public void Validate_SelectorMissing_FailsNamingAllThree()
    {
        var result = Validate(new MailOptions { DkimDomain = "city.example.jp", DkimPrivateKeyPath = "/etc/dkim.pem" });

        Assert.Contains("Mail:DkimDomain, Mail:DkimSelector and Mail:DkimPrivateKeyPath must be set together", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KeyFileMissing_FailsSayingItCannotBeRead()
    {
        var result = Validate(Dkim(Path.Combine(_folder, "absent.pem")));

        Assert.Contains("cannot be read", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_KeyFileIsNotAKey_FailsSayingHowToMakeOne()
    {
        var result = Validate(Dkim(Write("notes.pem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")));

        Assert.Contains("is not a PEM RSA private key", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("openssl genrsa", result.FailureMessage, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static MailOptions Dkim(string path) => new() { DkimDomain = "city.example.jp", DkimSelector = "mail2026", DkimPrivateKeyPath = path };

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(MailOptions options) => new MailOptionsValidator().Validate(null, options);
}
