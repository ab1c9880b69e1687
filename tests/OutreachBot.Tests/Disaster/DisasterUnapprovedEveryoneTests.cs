using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Disaster;

/// <summary>With <c>Disaster:UrgentNeedsApproval</c> false an urgent broadcast to everyone goes as soon as it is submitted.</summary>
public abstract class DisasterUnapprovedEveryoneTests(string provider) : DisasterSuite(provider, Settings)
{
    private const string Follower = "Ud15a5e70000000000000000000000f01";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Disaster:SinglePersonSwitch"] = "true",
        ["Disaster:UrgentNeedsApproval"] = "false",
        ["Disaster:PollInterval"] = "00:00:00.200",
        ["Broadcasts:RequireApproval"] = "true",
    };

    [SkippableFact]
    public async Task ToEveryone_WithoutApprovalRequired_GoesAtOnce()
    {
        await Host.Citizen(Follower).FollowAsync();
        await SwitchAsync(new { active = true, reason = "土砂災害警戒情報" });

        await SendAsync(HttpMethod.Post, "/api/v1/broadcasts", DisasterEveryoneBroadcastTests.ToEveryone("直ちに避難してください"));

        await WaitAsync(() => Sent.Text(Host.Line.Transcript.For(Follower)).Contains("直ちに避難してください", StringComparison.Ordinal));
    }
}

public sealed class DisasterUnapprovedEveryoneTestsOnSqlite() : DisasterUnapprovedEveryoneTests("Sqlite");

public sealed class DisasterUnapprovedEveryoneTestsOnPostgres() : DisasterUnapprovedEveryoneTests("Postgres");
