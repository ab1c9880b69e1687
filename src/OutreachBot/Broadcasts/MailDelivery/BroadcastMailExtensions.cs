using OutreachBot.Staff;

namespace OutreachBot.Broadcasts.MailDelivery;

public static class BroadcastMailExtensions
{
    /// <summary>What broadcasts send by e-mail (after <c>AddMail</c>, whose links and settings it uses).</summary>
    public static IServiceCollection AddBroadcastMail(this IServiceCollection services)
    {
        services.AddSingleton<BroadcastMailRenderer>();
        services.AddSingleton<IBroadcastMailRenderer>(sp => sp.GetRequiredService<BroadcastMailRenderer>());
        services.AddSingleton<StaffEmails>();
        services.AddSingleton<TestMailSender>();
        services.AddSingleton<Pages.Broadcasts.MailPreviews>();
        return services;
    }
}
