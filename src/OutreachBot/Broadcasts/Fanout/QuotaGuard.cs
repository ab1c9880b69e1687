using Microsoft.Extensions.Options;

namespace OutreachBot.Broadcasts.Fanout;

/// <summary>The month's message quota as LINE reports it (push and multicast count one per recipient; replies are free).</summary>
public sealed record QuotaStatus(bool Limited, long? Limit, long? Used, string? Problem)
{
    public long? Remaining => Limited && Limit is { } limit && Used is { } used ? Math.Max(0, limit - used) : null;
}

public sealed partial class QuotaGuard(MulticastClient clients, IOptions<BroadcastOptions> options, ILogger<QuotaGuard> logger)
{
    public async Task<QuotaStatus> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var client = clients.Create();
            var quota = await client.GetMessageQuotaAsync(cancellationToken);
            if (quota.Value.Type == QuotaType.None)
            {
                return new QuotaStatus(false, null, null, null);
            }

            var used = await client.GetMessageQuotaConsumptionAsync(cancellationToken);
            return new QuotaStatus(true, quota.Value.Value, used.Value.TotalUsage, null);
        }
        catch (LineApiException ex)
        {
            LogUnreadable(ex.Message);
            return new QuotaStatus(false, null, null, $"残り通数を確認できませんでした / The quota could not be read: {ex.Message}");
        }
    }

    /// <summary>What a firing may use: unlimited when quota checks are off, the plan has no limit, or LINE could not say.</summary>
    public async Task<QuotaAllowance> AllowanceAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.CheckQuota)
        {
            return new QuotaAllowance(null);
        }

        var status = await ReadAsync(cancellationToken);
        return new QuotaAllowance(status.Remaining, status.Problem);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the message quota before a broadcast ({Reason}); sending without the check")]
    private partial void LogUnreadable(string reason);
}
