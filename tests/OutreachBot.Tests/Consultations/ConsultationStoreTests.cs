using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Consultations;
using OutreachBot.Subscriptions;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Consultations;

public abstract class ConsultationStoreTests(string provider) : BotHost(provider)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_000);
    private ConsultationStore Consultations => Bot.Services.GetRequiredService<ConsultationStore>();

    [SkippableFact]
    public async Task Add_ManyCitizensAtOnce_EachQuestionStoredOnceUnderItsOwnNumber()
    {
        var users = Enumerable.Range(0, 40).Select(i => $"Ugroup{i:D26}").ToArray();
        foreach (var user in users)
        {
            await Bot.Services.GetRequiredService<CitizenStore>().FollowAsync(user, "ja", null, Now, default);
        }

        var numbers = await Task.WhenAll(users.Select(u => Task.Run(() => Consultations.AddAsync(u, "ja", $"question of {u}", $"event-{u}", Now, default))));

        Assert.Equal(users.Length, numbers.Distinct().Count());
        for (var i = 0; i < users.Length; i++)
        {
            var stored = await Consultations.FindAsync(numbers[i], default);
            Assert.Equal(users[i], stored!.UserId);
            Assert.Equal($"question of {users[i]}", stored.Text);
        }

        Assert.Equal(users.Length, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM consultations"));
    }

    [SkippableFact]
    public async Task Add_TheSameEventAgainAlongsideOthers_StoredOnceAndTheSameNumberBack()
    {
        await Bot.Services.GetRequiredService<CitizenStore>().FollowAsync("Uagain", "ja", null, Now, default);
        var first = await Consultations.AddAsync("Uagain", "ja", "いつ開いていますか", "event-again", Now, default);

        var again = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Task.Run(() => i == 2
            ? Consultations.AddAsync("Uagain", "ja", "いつ開いていますか", "event-again", Now, default)
            : Consultations.AddAsync("Uagain", "ja", $"other {i}", $"event-other-{i}", Now, default))));

        Assert.Equal(first, again[2]);
        Assert.Equal(1, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM consultations WHERE webhook_event_id = 'event-again'"));
    }

    [SkippableFact]
    public async Task Add_ForACitizenTheBotDoesNotKnow_FailsAloneWhileTheOthersAreStored()
    {
        await Bot.Services.GetRequiredService<CitizenStore>().FollowAsync("Uknown", "ja", null, Now, default);

        var added = Enumerable.Range(0, 6).Select(i => Task.Run(() => i == 3
            ? Consultations.AddAsync("Ustranger", "ja", "who am I", "event-stranger", Now, default)
            : Consultations.AddAsync("Uknown", "ja", $"question {i}", $"event-known-{i}", Now, default))).ToArray();

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => added[3]);
        foreach (var i in new[] { 0, 1, 2, 4, 5 })
        {
            Assert.Equal($"question {i}", (await Consultations.FindAsync(await added[i], default))!.Text);
        }

        Assert.Equal(0, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM consultations WHERE user_id = 'Ustranger'"));
    }
}

public sealed class ConsultationStoreTestsOnSqlite() : ConsultationStoreTests("Sqlite");

public sealed class ConsultationStoreTestsOnPostgres() : ConsultationStoreTests("Postgres");
