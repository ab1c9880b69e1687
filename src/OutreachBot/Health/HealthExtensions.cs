using Dapper;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OutreachBot.Storage;
using OutreachBot.Webhook;

namespace OutreachBot.Health;

/// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: the database answers and the background work runs.</summary>
public static class HealthExtensions
{
    private const string Ready = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseReachable>("database", tags: [Ready])
            .AddCheck<InboxProcessorRunning>("inbox", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        // Public: probes of systemd, the load balancer and monitoring carry no credentials, and the answers reveal nothing.
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) }).AllowAnonymous();
        return endpoints;
    }

    private sealed class DatabaseReachable(Database database) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await using var connection = await database.OpenAsync(cancellationToken);
                await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM schema_migrations", cancellationToken: cancellationToken));
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy("The database cannot be reached or is not migrated.", ex);
            }
        }
    }

    private sealed class InboxProcessorRunning(InboxProcessor processor) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(processor.Running ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The inbox processor is not running."));
    }
}
