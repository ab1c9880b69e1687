using Microsoft.Extensions.Options;
using OutreachBot.Mail;

namespace OutreachBot.Broadcasts.MailDelivery;

/// <summary>The mail fan-out's part of the <c>Mail</c> settings.</summary>
public sealed class MailFanoutOptions
{
    /// <summary>SMTP connections the fan-out keeps open at once, each sending one mail at a time.</summary>
    public int Connections { get; set; } = 4;

    public static void Register(IServiceCollection services, IConfiguration configuration) =>
        services.AddOptions<MailFanoutOptions>().Bind(configuration.GetSection(MailOptions.Section))
            .Validate(o => o.Connections is >= 1 and <= 64, "Mail:Connections must be 1 to 64.")
            .ValidateOnStart();
}

/// <summary>Every mail the fan-out sends passes this, under <c>Mail:PerSecond</c> counted the strict way (see <see cref="LineSending.SpacedRateLimiter"/>).</summary>
public sealed class MailRateLimiter(IOptions<MailOptions> options, TimeProvider time, LineSending.IRateShare share)
    : LineSending.SpacedRateLimiter(options.Value.PerSecond, time, share);
