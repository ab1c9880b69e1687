using System.Globalization;
using Dapper;
using Microsoft.Extensions.Options;
using OutreachBot.Hosting;

namespace OutreachBot.Meta;

/// <summary>
/// Records the Page's and the Instagram account's <c>followers_count</c> for the day: at start, when connected, and then
/// every hour, so each day keeps its last reading. A failed reading leaves the day as it was; the next hour tries again.
/// </summary>
public sealed partial class FollowerRecorder(
    Database database, MetaConnections connections, GraphClient graph, IOptions<BotOptions> bot, TimeProvider time, ILogger<FollowerRecorder> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicRounds.RunAsync(RecordAsync, () => Interval, LogFailed, time, stoppingToken);

    public async Task RecordAsync(CancellationToken cancellationToken)
    {
        if (await connections.CurrentAsync(cancellationToken) is not { Usable: true } account)
        {
            return;
        }

        try
        {
            await SaveAsync("facebook", (await graph.GetPageAsync(account.PageId, account.Token, cancellationToken)).FollowersCount, cancellationToken);
            if (account.HasInstagram)
            {
                await SaveAsync("instagram", (await graph.GetInstagramAccountAsync(account.InstagramUserId!, account.Token, cancellationToken)).FollowersCount, cancellationToken);
            }
        }
        catch (GraphApiException ex) when (ex.IsTokenInvalid)
        {
            await connections.MarkDisconnectedAsync(ex.Display, cancellationToken);
        }
        catch (Exception ex) when (ex is GraphApiException or GraphUnansweredException)
        {
            LogUnread(ex.Message);
        }
    }

    private async Task SaveAsync(string channel, long followers, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, bot.Value.Zone).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO social_followers (day, channel, followers, read_at) VALUES (@Day, @Channel, @Followers, @Now)
            ON CONFLICT (day, channel) DO UPDATE SET followers = @Followers, read_at = @Now
            """,
            new { Day = day, Channel = channel, Followers = followers, Now = now },
            cancellationToken: cancellationToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording the Page's and Instagram's followers failed")]
    private partial void LogFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Meta did not give the follower counts this hour: {Reason}")]
    private partial void LogUnread(string reason);
}
