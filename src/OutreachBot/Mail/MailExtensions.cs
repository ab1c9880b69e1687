using Microsoft.Extensions.Options;
using MimeKit;
using OutreachBot.LocalMode;
using OutreachBot.Mail.Bounces;
using OutreachBot.MailSubscribers;
using OutreachBot.PublicSite;
using OutreachBot.Storage;

namespace OutreachBot.Mail;

public static class MailExtensions
{
    /// <summary>
    /// The e-mail channel's sender: the SMTP relay when <c>Mail:SmtpHost</c> is set; in local mode without it, the
    /// <c>mail</c> folder beside the local database; anywhere else no e-mail at all, and <see cref="MailChannel"/> says so.
    /// </summary>
    public static IServiceCollection AddMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.Section))
            .Validate(o => o.PerSecond >= 0, "Mail:PerSecond must be 0 (no ceiling) or more.")
            .Validate(o => o.SmtpPort is > 0 and < 65536, "Mail:SmtpPort must be a TCP port.")
            .Validate(o => MailboxAddress.TryParse(o.From, out _), "Mail:From must be a mailbox such as 市民活動推進課 <katsudo@city.example.jp>.")
            .Validate(o => o.Timeout > TimeSpan.Zero, "Mail:Timeout must be positive.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();
        services.AddOptions<SiteOptions>().Bind(configuration.GetSection(SiteOptions.Section))
            .Validate(o => o.PublicBaseUrl is null || o.PublicBaseUrl.IsAbsoluteUri, "Site:PublicBaseUrl must be an absolute URL.")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SiteOptions>, PublicBaseUrlValidator>();
        services.AddSingleton<PublicBaseUrl>();
        services.AddSingleton<MailSuppression>();
        services.AddSingleton<BounceReports>();
        services.AddSingleton<BounceReader>();
        if (configuration.GetSection(MailOptions.Section).Get<MailOptions>() is { BouncesConfigured: true })
        {
            services.AddHostedService<BouncePolling>();
        }

        services.AddSingleton<SubscriberTokens>();
        services.AddSingleton<SubscriberLinks>();
        services.AddSingleton(sp => Channel(sp.GetRequiredService<IOptions<MailOptions>>().Value, sp.GetRequiredService<StartMode>()));
        services.AddSingleton<IMailTransport>(sp =>
            sp.GetRequiredService<MailChannel>() switch
            {
                { LocalFolder: true } => new LocalMailFolder(LocalFolderPath(sp.GetRequiredService<Database>())),
                _ => new SmtpMailTransport(sp.GetRequiredService<IOptions<MailOptions>>()),
            });
        return services;
    }

    private static MailChannel Channel(MailOptions options, StartMode mode) =>
        options.SmtpConfigured ? new MailChannel(Available: true, LocalFolder: false)
        : mode.AllowsStandIns ? new MailChannel(Available: true, LocalFolder: true)
        : new MailChannel(Available: false, LocalFolder: false);

    private static string LocalFolderPath(Database database) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database.SqliteFile ?? Path.Combine("data", "outreachbot.db")))!, "mail");

    /// <summary>Outside local mode, links in mails must be https and absolute: a mail cannot take a link back once sent.</summary>
    private sealed class PublicBaseUrlValidator(StartMode mode, IOptions<MailOptions> mail) : IValidateOptions<SiteOptions>
    {
        public ValidateOptionsResult Validate(string? name, SiteOptions options)
        {
            if (mode.AllowsStandIns || !mail.Value.SmtpConfigured)
            {
                return ValidateOptionsResult.Success;
            }

            return options.PublicBaseUrl is { Scheme: "https" }
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail("Site:PublicBaseUrl must be set to the bot's public https address when Mail:SmtpHost is set: links in mails use it.");
        }
    }
}
