namespace OutreachBot.Broadcasts.MailDelivery;

public static class MailDeliveryExtensions
{
    /// <summary>The mail fan-out: the ledger, its sender under <c>Mail:PerSecond</c>, and the worker (idle where e-mail is not offered).</summary>
    public static IServiceCollection AddMailDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        MailFanoutOptions.Register(services, configuration);
        services.AddSingleton<MailLedger>();
        services.AddSingleton<MailRunStore>();
        services.AddSingleton<MailRateLimiter>();
        services.AddSingleton<MailOutcomes>();
        services.AddSingleton<MailSender>();
        services.AddHostedService<MailFanoutWorker>();
        return services;
    }
}
