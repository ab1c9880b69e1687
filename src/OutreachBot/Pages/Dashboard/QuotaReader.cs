using Microsoft.Extensions.Options;
using OutreachBot.StaffConsole;

namespace OutreachBot.Pages.Dashboard;

/// <summary>The month's message quota as LINE reports it, or <see cref="QuotaView.Unavailable"/> when LINE does not answer in time.</summary>
public sealed partial class QuotaReader(LineMessagingClient line, IOptions<ConsoleOptions> options, ILogger<QuotaReader> logger)
{
    public async Task<QuotaView> ReadAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.QuotaTimeout);
        try
        {
            var limit = (await line.GetMessageQuotaAsync(timeout.Token)).Value;
            var used = (await line.GetMessageQuotaConsumptionAsync(timeout.Token)).Value;
            return new QuotaView(true, limit.Type == QuotaType.Limited ? limit.Value : null, used.TotalUsage);
        }
        catch (Exception ex) when (ex is LineApiException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUnavailable(ex.GetType().Name);
            return QuotaView.Unavailable;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dashboard could not read the message quota from LINE ({Failure}).")]
    private partial void LogUnavailable(string failure);
}

/// <param name="Limit">The month's limit; null when the plan has none.</param>
public sealed record QuotaView(bool Available, long? Limit, long Used)
{
    public static QuotaView Unavailable { get; } = new(false, null, 0);

    public long? Left => Limit is { } limit ? Math.Max(0, limit - Used) : null;
}
