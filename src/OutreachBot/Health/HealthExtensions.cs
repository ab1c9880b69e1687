using Dapper;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OutreachBot.Broadcasts;
using OutreachBot.Broadcasts.Fanout;
using OutreachBot.Webhook;
using Quartz;

namespace OutreachBot.Health;

/// <summary>
/// <c>/healthz</c>: the process answers. <c>/readyz</c>: the database answers, the scheduler has started, and the
/// background work runs (the inbox processor; the fan-out alive and not stuck on the database), answering 503 with a
/// JSON body that names the failing part.
/// </summary>
public static class HealthExtensions
{
    private const string Ready = "ready";

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseReachable>("database", tags: [Ready])
            .AddCheck<InboxProcessorRunning>("inbox", tags: [Ready])
            .AddCheck<SchedulerStarted>("scheduler", tags: [Ready])
            .AddCheck<FanoutWorking>("fanout", tags: [Ready]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        // Public: probes of systemd, the load balancer and monitoring carry no credentials, and the answers reveal nothing.
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = ReadinessReport.WriteAsync })
            .AllowAnonymous();
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

    private sealed class SchedulerStarted(ISchedulerFactory schedulers) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var status = await (await schedulers.GetScheduler(cancellationToken)).GetStatus(cancellationToken);
            return status == SchedulerStatus.Running
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"The broadcast scheduler is not running ({status}).");
        }
    }

    private sealed class FanoutWorking(FanoutHealth fanout) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (!fanout.Alive)
            {
                return Task.FromResult(HealthCheckResult.Unhealthy("The broadcast fan-out is not running."));
            }

            foreach (var (part, streak) in new[] { ("storing outcomes", fanout.Outcomes), ("claiming batches", fanout.Claims) })
            {
                if (streak.FailingSince is { } since)
                {
                    return Task.FromResult(HealthCheckResult.Unhealthy(
                        $"The broadcast fan-out is stuck {part}: the database has failed since {since:u} ({streak.Tries} tries); it goes on once it answers.",
                        data: new Dictionary<string, object> { ["failingSince"] = since, ["tries"] = streak.Tries }));
                }
            }

            return Task.FromResult(HealthCheckResult.Healthy());
        }
    }
}
