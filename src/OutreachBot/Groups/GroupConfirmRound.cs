using Microsoft.Extensions.Options;
using OutreachBot.Hosting;
using OutreachBot.PublicSite;
using OutreachBot.StaffConsole;

namespace OutreachBot.Groups;

/// <summary>
/// The yearly 内容確認: every <c>Groups:ConfirmPollInterval</c>, each group whose profile was not saved or confirmed for
/// <c>Groups:ConfirmEvery</c> is mailed once, with a link to sign in to its page. A group is claimed before its mail
/// goes, so of several instances one mails it; a mail the server did not take releases the claim for the next round.
/// </summary>
public sealed partial class GroupConfirmRound(
    Database database, GroupStore groups, GroupMails mails, PublicBaseUrl baseUrl, IOptions<GroupsOptions> options, TimeProvider time,
    ILogger<GroupConfirmRound> logger) : BackgroundService
{
    /// <summary>One round: how many groups were asked.</summary>
    public async Task<int> AskAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var before = now - options.Value.ConfirmEvery;
        var due = await database.QueryAsync<long>(
            "SELECT id FROM civic_groups WHERE confirmed_at < @Before AND (confirm_asked_at IS NULL OR confirm_asked_at < @Before)",
            new { Before = before }, cancellationToken);
        var asked = 0;
        foreach (var id in due)
        {
            var claimed = await database.ExecuteAsync(
                "UPDATE civic_groups SET confirm_asked_at = @Now WHERE id = @Id AND (confirm_asked_at IS NULL OR confirm_asked_at < @Before)",
                new { Id = id, Now = now, Before = before }, cancellationToken) == 1;
            if (!claimed || await groups.FindAsync(id, cancellationToken) is not { } group)
            {
                continue;
            }

            var link = baseUrl.Link($"{StaffCookie.SignInPath}?returnUrl={Uri.EscapeDataString(ConsolePolicies.GroupHome)}");
            if (await mails.SendConfirmRequestAsync(group, link, cancellationToken))
            {
                asked++;
            }
            else
            {
                await database.ExecuteAsync(
                    "UPDATE civic_groups SET confirm_asked_at = NULL WHERE id = @Id AND confirm_asked_at = @Now", new { Id = id, Now = now }, cancellationToken);
            }
        }

        return asked;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicRounds.RunAsync(AskAndLogAsync, () => options.Value.ConfirmPollInterval, LogFailed, time, stoppingToken);

    private async Task AskAndLogAsync(CancellationToken cancellationToken)
    {
        if (await AskAsync(cancellationToken) is > 0 and var count)
        {
            LogAsked(count);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Asked {Count} groups to confirm their profile (内容確認)")]
    private partial void LogAsked(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A round of 内容確認 mails failed; the next round tries again")]
    private partial void LogFailed(Exception exception);
}
