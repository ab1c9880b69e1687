using OutreachBot.Hosting;

namespace OutreachBot.Storage;

public static class StorageExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<StorageOptions>(configuration, StorageOptions.Section)
            .Validate(
                o => o.Provider != StorageProvider.Postgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Storage:ConnectionString is required when Storage:Provider is Postgres.");
        services.AddSingleton<Database>();
        services.AddSingleton<MigrationRunner>();
        services.AddHostedService<DatabaseAtStart>();
        services.AddHostedService<SqliteCheckpointer>();
        return services;
    }
}
