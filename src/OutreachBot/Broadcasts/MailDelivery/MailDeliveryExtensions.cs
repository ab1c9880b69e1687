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
        // Until the mail renderer is registered (issue 16's mail-render part), nothing could build the mails: no worker.
        services.AddSingleton<IHostedService>(sp => sp.GetService<IBroadcastMailRenderer>() is null
            ? new NoMailFanout()
            : ActivatorUtilities.CreateInstance<MailFanoutWorker>(sp, ActivatorUtilities.CreateInstance<MailSender>(sp)));
        return services;
    }
}

internal sealed class NoMailFanout : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;
}
