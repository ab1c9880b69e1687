using System.Threading.Channels;
using Microsoft.Extensions.Options;
using MimeKit;
using OutreachBot.Mail;
using OutreachBot.PublicSite;

namespace OutreachBot.Disaster.HelpAlerts;

/// <summary>
/// Alerts the staff on duty (当番) by e-mail when a citizen answers 助けが必要: how many wait and the link to the 安否
/// list, never who they are. Off the chat's path, so the citizen's answer never waits for the relay; answers that come
/// while a round of mails goes out are told in the next one.
/// </summary>
public sealed partial class HelpAlertMailer(
    OnDutyStaff onDuty, SafetyReports safety, IMailTransport transport, MailChannel channel, IOptions<MailOptions> mail, PublicBaseUrl links,
    ILogger<HelpAlertMailer> logger) : BackgroundService
{
    private readonly Channel<HelpAlert> _raised = Channel.CreateUnbounded<HelpAlert>(new UnboundedChannelOptions { SingleReader = true });

    public void Raise(long switchId, bool drill) => _raised.Writer.TryWrite(new HelpAlert(switchId, drill));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var alert in _raised.Reader.ReadAllAsync(stoppingToken))
        {
            while (_raised.Reader.TryRead(out _))
            {
            }

            try
            {
                await SendAsync(alert, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex, alert.SwitchId);
            }
        }
    }

    private async Task SendAsync(HelpAlert alert, CancellationToken cancellationToken)
    {
        var addresses = await onDuty.AddressesAsync(cancellationToken);
        if (!channel.Available || addresses.Count == 0)
        {
            LogNobodyToMail(alert.SwitchId);
            return;
        }

        var waiting = await safety.HelpNeededAsync(alert.SwitchId, cancellationToken);
        await using var connection = await transport.ConnectAsync(cancellationToken);
        foreach (var address in addresses)
        {
            var outcome = await connection.SendAsync(Mail(alert, address, waiting), cancellationToken);
            if (outcome.Kind != MailOutcomeKind.Accepted)
            {
                LogRefused(alert.SwitchId, outcome.Reply);
            }
        }
    }

    private MimeMessage Mail(HelpAlert alert, string address, long waiting)
    {
        var drill = alert.Drill ? "【訓練 / Drill】" : "";
        var link = links.Link("/console/disaster/safety");
        var message = new MimeMessage { Subject = $"{drill}【防災】助けが必要な市民がいます / A citizen needs help" };
        message.From.Add(MailboxAddress.Parse(mail.Value.From));
        message.To.Add(MailboxAddress.Parse(address));
        message.Body = new TextPart("plain")
        {
            Text = $"""
                {drill}防災モード中に、市民から「助けが必要」の回答がありました。未対応: {waiting} 人
                安否の確認: {link}
                対応したら、その画面で「対応済み」にしてください。

                {drill}A citizen answered 助けが必要 (need help) during disaster mode. Not yet handled: {waiting}
                Safety answers: {link}
                Mark them handled there once someone has acted.
                """,
        };
        return message;
    }

    private sealed record HelpAlert(long SwitchId, bool Drill);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A citizen needs help under disaster switch {SwitchId}, and no staff member on duty has an e-mail address (or e-mail is not set up): nobody was mailed")]
    private partial void LogNobodyToMail(long switchId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The relay refused a help alert of disaster switch {SwitchId}: {Reply}")]
    private partial void LogRefused(long switchId, string? reply);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not mail the staff on duty about a help request under disaster switch {SwitchId}")]
    private partial void LogFailed(Exception exception, long switchId);
}
