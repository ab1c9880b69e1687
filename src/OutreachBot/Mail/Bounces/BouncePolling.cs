using Microsoft.Extensions.Options;

namespace OutreachBot.Mail.Bounces;

/// <summary>Reads the bounce mailbox every <c>Mail:BouncePollInterval</c> while the bot runs; a failed poll is tried at the next.</summary>
public sealed partial class BouncePolling(BounceReader reader, IOptions<MailOptions> options, TimeProvider time, ILogger<BouncePolling> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.BouncePollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await reader.PollAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(logger, ex.GetType().Name, ex.Message, options.Value.BouncePollInterval);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the bounce mailbox failed ({Error}: {Reason}); trying again in {Interval}")]
    private static partial void LogPollFailed(ILogger logger, string error, string reason, TimeSpan interval);
}
