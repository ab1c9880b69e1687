using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Broadcasts;
using OutreachBot.LineSending;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;
using OutreachBot.Tests.LineSending;
using OutreachBot.Tests.StaffConsole;

namespace OutreachBot.Tests.Broadcasts;

/// <summary>A test send is a multicast like the fan-out's: it takes its turn under the same ceiling, and goes only to staff members' own LINE user ids.</summary>
public abstract class TestSendTests(string provider) : HarnessesPerTest(provider)
{
    private const string Staff = "U5aff0000000000000000000000000001";
    private BroadcastHarness _h = null!;

    [SkippableFact]
    public async Task TestSends_ManyAtOnce_TakeTheirTurnsUnderTheMulticastCeiling()
    {
        _h = await StartAsync(new Dictionary<string, string?> { ["Broadcasts:MulticastPerSecond"] = "2" });
        _h.Line.AddFollower(Staff);
        await RegisterStaffAsync(Staff);
        var id = await _h.CreateAsync(BroadcastHarness.Broadcast("volunteer", draft: true));
        await _h.Bot.Services.GetRequiredService<MulticastRateLimiter>().WaitForShareAsync();

        var sends = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _h.PostAsync($"/api/v1/broadcasts/{id}/test", new { userIds = new[] { Staff } })));

        Assert.All(sends, s => Assert.Equal(200, (int)s.Response.StatusCode));
        var arrivals = _h.Line.Journal.For("/v2/bot/message/multicast").Select(r => r.At).Order().ToList();
        Assert.Equal(4, arrivals.Count);
        Assert.True(_h.BusiestSecond() <= 2, "arrivals (ms): " + string.Join(", ", arrivals.Select(a => (int)(a - arrivals[0]).TotalMilliseconds)));
    }

    [SkippableFact]
    public async Task TestSend_ToACitizensUserId_IsRefusedAndNothingReachesLine()
    {
        _h = await StartAsync();
        var citizen = (await _h.SeedAsync("volunteer", 1))[0];
        _h.Line.AddFollower(Staff);
        await RegisterStaffAsync(Staff);
        var id = await _h.CreateAsync(BroadcastHarness.Broadcast("volunteer", draft: true));

        var (alone, problem) = await _h.PostAsync($"/api/v1/broadcasts/{id}/test", new { userIds = new[] { citizen } });
        var (mixed, _) = await _h.PostAsync($"/api/v1/broadcasts/{id}/test", new { userIds = new[] { Staff, citizen } });

        Assert.Equal(400, (int)alone.StatusCode);
        Assert.Equal(400, (int)mixed.StatusCode);
        var message = problem!["errors"]!["userIds"]![0]!.GetValue<string>();
        Assert.Contains("職員のLINEユーザーID", message, StringComparison.Ordinal);
        Assert.Contains("only to staff members' LINE user ids", message, StringComparison.Ordinal);
        Assert.Contains(citizen, message, StringComparison.Ordinal);
        Assert.Empty(_h.Line.Journal.For("/v2/bot/message/multicast"));
        Assert.Empty(_h.Line.Journal.For("/v2/bot/message/push"));
    }

    [SkippableFact]
    public async Task TestSend_ToADisabledStaffMembersUserId_IsRefused()
    {
        _h = await StartAsync();
        _h.Line.AddFollower(Staff);
        var account = await RegisterStaffAsync(Staff);
        await _h.Get<StaffAccountStore>().UpdateAsync(account.Id, account.DisplayName, account.Role, disabled: true, DateTimeOffset.UtcNow, default);
        var id = await _h.CreateAsync(BroadcastHarness.Broadcast("volunteer", draft: true));

        var (refused, _) = await _h.PostAsync($"/api/v1/broadcasts/{id}/test", new { userIds = new[] { Staff } });

        Assert.Equal(400, (int)refused.StatusCode);
        Assert.Empty(_h.Line.Journal.For("/v2/bot/message/multicast"));
    }

    /// <summary>A staff account whose own LINE user id (set on the Account page) is <paramref name="lineUserId"/>.</summary>
    private async Task<StaffAccount> RegisterStaffAsync(string lineUserId)
    {
        var account = await ConsoleSession.CreateAccountAsync(_h.Bot, "tester-" + lineUserId[^4..], StaffRole.Editor);
        await _h.Get<StaffAccountStore>().SetLineUserIdAsync(account.Id, lineUserId, DateTimeOffset.UtcNow, default);
        return account;
    }
}

public sealed class TestSendTestsOnSqlite() : TestSendTests("Sqlite");

public sealed class TestSendTestsOnPostgres() : TestSendTests("Postgres");
