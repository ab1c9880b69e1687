using OutreachBot.Disaster.HelpAlerts;
using OutreachBot.Disaster.Shelters;
using OutreachBot.Disaster.Templates;
using OutreachBot.Hosting;

namespace OutreachBot.Disaster;

public static class DisasterExtensions
{
    /// <summary>Disaster mode (防災モード): its switch with a second approver, its state on every instance, and everyone's menus.</summary>
    public static IServiceCollection AddDisasterMode(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<DisasterOptions>(configuration, DisasterOptions.Section)
            .Validate(o => o.HazardMapsAreHttps(), "Disaster:HazardMapUrl and Disaster:HazardMapUrls:<language> must be absolute https URLs (at most 1,000 characters).");
        services.AddSingleton<DisasterSwitchStore>();
        services.AddSingleton<DisasterModeState>();
        services.AddSingleton<DisasterSwitchboard>();
        services.AddHostedSingleton<DisasterModeWatcher>();
        services.AddSingleton<DisasterFlow>();
        services.AddSingleton<DrillMarking>();
        services.AddSingleton<SafetyReports>();
        services.AddSingleton<OnDutyStaff>();
        services.AddHostedSingleton<HelpAlertMailer>();
        services.AddSingleton<DisasterTemplateStore>();
        services.AddSingleton<DisasterTemplateEditor>();
        services.AddSingleton<ShelterStore>();
        services.AddSingleton<ShelterEditor>();
        services.AddHostedSingleton<DisasterMenuSwitcher>();
        return services;
    }

    /// <summary><c>/api/v1/disaster-mode</c>, <c>/api/v1/shelters</c> and <c>/api/v1/disaster-templates</c>, in a staff API group of their own.</summary>
    public static WebApplication MapDisasterMode(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapStaffApiGroup().MapDisasterModeApi().MapShelterApi().MapDisasterTemplateApi();
        return app;
    }
}
