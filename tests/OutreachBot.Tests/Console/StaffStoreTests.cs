using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;

namespace OutreachBot.Tests.StaffConsole;

/// <summary>The account store's and the audit log's SQL, on each database.</summary>
public abstract class StaffStoreTests(string provider) : ConsoleHost(provider)
{
    private static readonly DateTimeOffset Moment = new(2030, 4, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LockEnd = Moment.AddMinutes(15);

    private StaffAccountStore Accounts => Bot.Services.GetRequiredService<StaffAccountStore>();

    [SkippableFact]
    public async Task Create_SameUsernameAnyCase_IsRefused()
    {
        var first = await Accounts.CreateAsync(new("Suzuki", "鈴木", StaffRole.Viewer), "hash", false, Moment, default);
        var second = await Accounts.CreateAsync(new("SUZUKI ", "別人", StaffRole.Admin), "hash", false, Moment, default);

        Assert.Equal("suzuki", first!.Username);
        Assert.Null(second);
    }

    [SkippableFact]
    public async Task RecordFailure_UpToTheLimit_LocksOnlyAtTheLimitOnlyForThatAddressAndStartsCountingAgain()
    {
        var account = (await Accounts.CreateAsync(new("suzuki", "鈴木", StaffRole.Viewer), "hash", false, Moment, default))!;
        var lockouts = Bot.Services.GetRequiredService<SignInLockouts>();

        var results = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            results.Add(await lockouts.RecordFailureAsync(account.Id, "198.51.100.7", 3, LockEnd, default));
        }

        var after = (await Accounts.FindAsync(account.Id, default))!;
        Assert.Equal([false, false, true], results);
        Assert.True(await lockouts.IsLockedAsync(account.Id, "198.51.100.7", LockEnd.AddMilliseconds(-1), default));
        Assert.False(await lockouts.IsLockedAsync(account.Id, "198.51.100.7", LockEnd, default));
        Assert.False(await lockouts.IsLockedAsync(account.Id, "192.0.2.10", LockEnd.AddMilliseconds(-1), default));
        Assert.True(after.IsLockedAt(LockEnd.AddMilliseconds(-1)));
        Assert.False(after.IsLockedAt(LockEnd));
    }

    [SkippableFact]
    public async Task Update_RoleOrStatusChanged_RenewsTheSecurityStampButANameChangeDoesNot()
    {
        var account = (await Accounts.CreateAsync(new("suzuki", "鈴木", StaffRole.Viewer), "hash", false, Moment, default))!;

        await Accounts.UpdateAsync(account.Id, "鈴木 一郎", StaffRole.Viewer, false, Moment.AddSeconds(1), default);
        var renamed = (await Accounts.FindAsync(account.Id, default))!;
        await Accounts.UpdateAsync(account.Id, "鈴木 一郎", StaffRole.Editor, false, Moment.AddSeconds(2), default);
        var promoted = (await Accounts.FindAsync(account.Id, default))!;

        Assert.Equal(account.SecurityStamp, renamed.SecurityStamp);
        Assert.NotEqual(account.SecurityStamp, promoted.SecurityStamp);
        Assert.Equal(StaffRole.Editor, promoted.Role);
    }

    [SkippableFact]
    public async Task CountOtherActiveAdmins_DisabledAndOthers_CountsOnlyEnabledAdminsButTheOne()
    {
        using var _ = Bot.CreateClient(); // the bootstrap admin exists
        var second = (await Accounts.CreateAsync(new("second", "二人目", StaffRole.Admin), "hash", false, Moment, default))!;
        var bootstrap = await Database.ScalarAsync<long>("SELECT id FROM staff_accounts WHERE username = 'admin'");

        Assert.Equal(1, await Accounts.CountOtherActiveAdminsAsync(second.Id, default));
        await Accounts.UpdateAsync(bootstrap, "admin", StaffRole.Admin, disabled: true, Moment.AddSeconds(1), default);
        Assert.Equal(0, await Accounts.CountOtherActiveAdminsAsync(second.Id, default));
    }

    [SkippableFact]
    public async Task AuditList_Filter_NewestFirstOneKindAndPaged()
    {
        var audit = Bot.Services.GetRequiredService<AuditLog>();
        await audit.WriteAsync("a", AuditActions.TopicCreated, "t1", null, "127.0.0.1", default);
        await audit.WriteAsync("b", AuditActions.SignOut, null, null, null, default);
        await audit.WriteAsync("c", AuditActions.TopicCreated, "t2", new string('x', 600), null, default);

        var topics = await audit.ListAsync(AuditActions.TopicCreated, long.MaxValue, 10, default);
        var older = await audit.ListAsync(null, topics[0].Id, 10, default);

        Assert.Equal(["t2", "t1"], topics.Select(e => e.Target));
        Assert.Equal(AuditLog.MaxTextLength, topics[0].Detail!.Length);
        Assert.Equal(["b", "a"], older.Where(e => e.Actor is "a" or "b").Select(e => e.Actor));
    }
}

public sealed class StaffStoreTestsOnSqlite() : StaffStoreTests("Sqlite");

public sealed class StaffStoreTestsOnPostgres() : StaffStoreTests("Postgres");
