using OutreachBot.Mail;

namespace OutreachBot.Tests.Mail;

/// <summary>The bounce mailbox settings checked at start: host, user name and password together, a sane poll interval.</summary>
public sealed class BounceSettingsTests
{
    [Fact]
    public void Validate_NoneSet_SucceedsWithTheDefaults()
    {
        var options = new MailOptions();

        Assert.True(new MailOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal((MailSecurity.SslOnConnect, TimeSpan.FromMinutes(5)), (options.BounceImapSecurity, options.BouncePollInterval));
    }

    [Fact]
    public void Validate_AllThreeSet_Succeeds() =>
        Assert.True(new MailOptionsValidator().Validate(null, Bounces("bounces@city.example.jp", "secret")).Succeeded);

    [Fact]
    public void Validate_PasswordMissing_FailsNamingAllThree()
    {
        var result = new MailOptionsValidator().Validate(null, Bounces("bounces@city.example.jp", null));

        Assert.Contains("Mail:BounceImapHost, Mail:BounceImapUserName and Mail:BounceImapPassword must be set together", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PollIntervalZero_Fails()
    {
        var options = Bounces("bounces@city.example.jp", "secret");
        options.BouncePollInterval = TimeSpan.Zero;

        Assert.Contains("Mail:BouncePollInterval", new MailOptionsValidator().Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    private static MailOptions Bounces(string? user, string? password) =>
        new() { BounceImapHost = "imap.city.example.jp", BounceImapUserName = user, BounceImapPassword = password };
}
