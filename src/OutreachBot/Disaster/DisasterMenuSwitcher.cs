using System.Globalization;
using System.Net;
using Dapper;
using Microsoft.Extensions.Options;
using OutreachBot.Cluster;
using OutreachBot.Conversations.RichMenus;
using OutreachBot.Hosting;

namespace OutreachBot.Disaster;

/// <summary>
/// Switches everyone's rich menu when disaster mode changes, on one instance (a lease on the switch's row). Disaster mode
/// on or off moves every follower at once with LINE's batch (<c>link</c> each language's menu to its disaster menu, or
/// back) and sets the default menu; LINE allows 3 batches an hour, so when it refuses (429) or a batch fails, the
/// followers the office knows are linked 500 at a time with bulk link instead. A drill links its audience with bulk
/// link only, so drills leave the hourly batches to real switches.
/// </summary>
public sealed partial class DisasterMenuSwitcher(
    DisasterSwitchStore store,
    RichMenuDirectory directory,
    IServiceScopeFactory scopes,
    Database database,
    AuditLog audit,
    IOptions<DisasterOptions> options,
    IOptions<ClusterOptions> cluster,
    IOptions<BotOptions> bot,
    TimeProvider time,
    ILogger<DisasterMenuSwitcher> logger) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>LINE allows 100 progress questions an hour; three batches an hour asked every 3 s stay under it.</summary>
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(3);

    private const int BulkConcurrency = 4;

    public async Task RoundAsync(CancellationToken cancellationToken)
    {
        if (directory.Menus.Count == 0 || await store.ClaimMenusAsync(cluster.Value.InstanceId, time.GetUtcNow(), Lease, cancellationToken) is not { } now)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var line = scope.ServiceProvider.GetRequiredService<LineMessagingClient>();
        var before = await store.PreviousAsync(now.Id, cancellationToken);
        var outcome = await SwitchAsync(line, before, now, cancellationToken);
        await store.FinishMenusAsync(now.Id, outcome, time.GetUtcNow(), cancellationToken);
        await audit.WriteAsync(StaffActor.Bot, AuditActions.DisasterMenusSwitched, $"disaster:{now.Id}", outcome, cancellationToken);
        LogSwitched(now.Id, outcome);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await directory.Ready.WaitAsync(stoppingToken);
        await PeriodicRounds.RunAsync(RoundAsync, () => options.Value.PollInterval, LogFailed, time, stoppingToken);
    }

    private async Task<string> SwitchAsync(LineMessagingClient line, DisasterSwitch? before, DisasterSwitch now, CancellationToken cancellationToken)
    {
        var wasAll = before is { Active: true, Drill: false };
        var isAll = now is { Active: true, Drill: false };
        var steps = new List<string>();
        if (isAll != wasAll)
        {
            // The default first: whoever follows during the batch already sees the right menu.
            var (from, to) = isAll ? (directory.Menus, directory.DisasterMenus) : (directory.DisasterMenus, directory.Menus);
            await line.SetDefaultRichMenuAsync(to.GetValueOrDefault(bot.Value.DefaultLanguage) ?? to[Languages.Japanese], cancellationToken);
            steps.Add(await MoveEveryoneAsync(line, from, to, cancellationToken));
        }

        if (!isAll)
        {
            var audience = now is { Active: true, Drill: true } ? now.DrillAudience : [];
            var leaving = before is { Active: true, Drill: true } ? before.DrillAudience.Except(audience, StringComparer.Ordinal).ToList() : [];
            var requests = await LinkByLanguageAsync(line, audience, directory.DisasterMenus, cancellationToken)
                + await LinkByLanguageAsync(line, leaving, directory.Menus, cancellationToken);
            steps.Add(string.Create(CultureInfo.InvariantCulture, $"drill: {audience.Count} linked to the disaster menu, {leaving.Count} back, {requests} bulk requests"));
        }

        return string.Join("; ", steps);
    }

    private async Task<string> MoveEveryoneAsync(
        LineMessagingClient line, IReadOnlyDictionary<string, string> from, IReadOnlyDictionary<string, string> to, CancellationToken cancellationToken)
    {
        var batch = new RichMenuBatchRequest([.. from.Where(m => to.ContainsKey(m.Key)).Select(m => RichMenuBatchOperation.Link(m.Value, to[m.Key]))]);
        try
        {
            var accepted = await line.RichMenuBatchAsync(batch, cancellationToken);
            var phase = await WaitForBatchAsync(line, accepted.RequestId!, cancellationToken);
            if (phase == "succeeded")
            {
                return $"batch {accepted.RequestId} succeeded";
            }

            return $"batch {accepted.RequestId} {phase}; " + await LinkFollowersAsync(line, to, cancellationToken);
        }
        catch (LineApiException ex) when (ex.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return "batch refused (3 an hour used); " + await LinkFollowersAsync(line, to, cancellationToken);
        }
    }

    private async Task<string> WaitForBatchAsync(LineMessagingClient line, string requestId, CancellationToken cancellationToken)
    {
        while (true)
        {
            await Task.Delay(ProgressInterval, time, cancellationToken);
            var progress = (await line.GetRichMenuBatchProgressAsync(requestId, cancellationToken)).Value;
            if (progress.Phase != "ongoing")
            {
                return progress.Phase;
            }
        }
    }

    private async Task<string> LinkFollowersAsync(LineMessagingClient line, IReadOnlyDictionary<string, string> to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var followers = await connection.QueryAsync<(string UserId, string Language)>(new CommandDefinition(
            "SELECT user_id, language FROM citizens WHERE following", cancellationToken: cancellationToken));
        var requests = await LinkAsync(line, followers, to, cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"{requests} bulk link requests");
    }

    private async Task<int> LinkByLanguageAsync(
        LineMessagingClient line, IReadOnlyList<string> userIds, IReadOnlyDictionary<string, string> to, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0)
        {
            return 0;
        }

        var known = new List<(string UserId, string Language)>();
        foreach (var chunk in userIds.Chunk(LineLimits.RichMenuBulkUsers))
        {
            known.AddRange(await database.QueryAsync<(string UserId, string Language)>(
                $"SELECT user_id, language FROM citizens WHERE user_id {database.Dialect.In("@Ids")}", new { Ids = chunk }, cancellationToken));
        }

        var strangers = userIds.Except(known.Select(k => k.UserId), StringComparer.Ordinal).Select(id => (id, Languages.Japanese));
        return await LinkAsync(line, known.Concat(strangers), to, cancellationToken);
    }

    /// <summary>Links each user to their language's menu in <paramref name="to"/>, 500 to a request; returns the requests made.</summary>
    private static async Task<int> LinkAsync(
        LineMessagingClient line, IEnumerable<(string UserId, string Language)> users, IReadOnlyDictionary<string, string> to, CancellationToken cancellationToken)
    {
        var requests = users
            .GroupBy(u => to.GetValueOrDefault(u.Language) ?? to[Languages.Japanese], u => u.UserId)
            .SelectMany(menu => menu.Chunk(LineLimits.RichMenuBulkUsers).Select(chunk => (Menu: menu.Key, Users: chunk)))
            .ToList();
        await Parallel.ForEachAsync(
            requests, new ParallelOptions { MaxDegreeOfParallelism = BulkConcurrency, CancellationToken = cancellationToken },
            async (request, token) => await line.LinkRichMenuToUsersAsync(request.Menu, request.Users, token));
        return requests.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rich menus switched for disaster switch {SwitchId}: {Outcome}")]
    private partial void LogSwitched(long switchId, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Switching the rich menus for disaster mode failed; the next round tries again")]
    private partial void LogFailed(Exception exception);
}
