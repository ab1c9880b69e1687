using OutreachBot.Hosting;

namespace OutreachBot.Disaster;

public static class DisasterExtensions
{
    /// <summary>Disaster mode (防災モード): its switch with a second approver, its state on every instance, and everyone's menus.</summary>
    public static IServiceCollection AddDisasterMode(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<DisasterOptions>(configuration, DisasterOptions.Section);
        services.AddSingleton<DisasterSwitchStore>();
        services.AddSingleton<DisasterModeState>();
        services.AddSingleton<DisasterSwitchboard>();
        services.AddHostedSingleton<DisasterModeWatcher>();
        services.AddSingleton<DisasterFlow>();
        services.AddSingleton<DrillMarking>();
        services.AddSingleton<SafetyReports>();
        services.AddHostedSingleton<DisasterMenuSwitcher>();
        return services;
    }

    /// <summary><c>/api/v1/disaster-mode</c>, in a staff API group of its own.</summary>
    public static WebApplication MapDisasterMode(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapStaffApiGroup().MapDisasterModeApi();
        return app;
    }
}
