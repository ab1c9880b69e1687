using System.Buffers.Binary;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.StaffConsole;

/// <summary>Sessions end when they should, guessing costs the guesser, and nobody can lock staff out from elsewhere.</summary>
public abstract class SessionTests(string provider) : IAsyncLifetime
{
    private const string Office = "192.0.2.10";
    private const string Elsewhere = "198.51.100.7";
    private TestWorld _world = null!;

    public async Task InitializeAsync() => _world = await TestWorld.StartAsync(provider);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [SkippableFact]
    public async Task SignOut_CopiedCookie_StopsWorking()
    {
        var bot = Bot();
        await ConsoleSession.CreateAccountAsync(bot, "sato", StaffRole.Viewer);
        using var session = ConsoleSession.Anonymous(bot);
        using var signIn = await session.SignInAsync("sato", ConsoleSession.Password);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".OutreachBot.StaffConsole=", StringComparison.Ordinal)).Split(';')[0];
        using var copy = bot.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/console")).StatusCode);

        (await session.PostFormAsync("/console/signout", [], "/console")).Dispose();
        using var after = await copy.GetAsync("/console");

        Assert.Equal(StaffCookie.SignInPath, ConsoleSession.PathOf(after));
    }

    [SkippableFact]
    public async Task Session_PastItsMaxLifetime_EndsThoughBusy()
    {
        var bot = Bot(new() { ["Console:SessionMaxLifetime"] = "00:00:03" });
        using var session = await ConsoleSession.SignedInAsync(bot, StaffRole.Viewer);
        var end = DateTimeOffset.UtcNow.AddSeconds(3);
        using (var busy = await session.Client.GetAsync("/console"))
        {
            Assert.Equal(HttpStatusCode.OK, busy.StatusCode);
        }

        while (DateTimeOffset.UtcNow < end.AddMilliseconds(200))
        {
            await Task.Delay(500);
        }

        using var after = await session.Client.GetAsync("/console");

        Assert.Equal(StaffCookie.SignInPath, ConsoleSession.PathOf(after));
    }

    [SkippableFact]
    public async Task SignIn_TooManyFailuresFromOneAddress_RefusedThereWith429ButNotElsewhere()
    {
        var bot = Bot(new() { ["Console:SignInAttemptsPerMinute"] = "3", ["Console:MaxFailedSignIns"] = "20" });
        await ConsoleSession.CreateAccountAsync(bot, "sato", StaffRole.Viewer);
        using var guesser = From(bot, Elsewhere);
        (await guesser.SignInAsync("nobody", "guess number one")).Dispose();
        (await guesser.SignInAsync("sato", "guess number two")).Dispose();
        (await guesser.SignInAsync("sato", "guess number three")).Dispose();

        using var refused = await guesser.SignInAsync("sato", ConsoleSession.Password);
        using var office = From(bot, Office);
        using var allowed = await office.SignInAsync("sato", ConsoleSession.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("1分ほど待ってから", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
    }

    [SkippableFact]
    public async Task SignIn_AccountLockedFromOneAddress_StillSignsInFromAnother()
    {
        var bot = Bot(new() { ["Console:MaxFailedSignIns"] = "3" });
        await ConsoleSession.CreateAccountAsync(bot, "boss", StaffRole.Admin);
        using var guesser = From(bot, Elsewhere);
        for (var i = 0; i < 3; i++)
        {
            (await guesser.SignInAsync("boss", "wrong password " + i)).Dispose();
        }

        using var locked = await guesser.SignInAsync("boss", ConsoleSession.Password);
        using var office = From(bot, Office);
        using var allowed = await office.SignInAsync("boss", ConsoleSession.Password);

        Assert.Contains("ロックされています", await locked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
        Assert.Contains("ロック中", await office.GetPageAsync("/console/admin/accounts")); // the admin sees it and may unlock it
    }

    [SkippableFact]
    public async Task ChangePassword_WrongCurrentPasswords_CountAsFailedSignIns()
    {
        var bot = Bot(new() { ["Console:MaxFailedSignIns"] = "3" });
        await ConsoleSession.CreateAccountAsync(bot, "sato", StaffRole.Viewer);
        using var session = From(bot, Elsewhere);
        (await session.SignInAsync("sato", ConsoleSession.Password)).Dispose();

        for (var i = 0; i < 3; i++)
        {
            using var wrong = await session.PostFormAsync(StaffCookie.PasswordPath, new()
            {
                ["Current"] = "not my password " + i, ["New"] = "a long new passphrase", ["Confirm"] = "a long new passphrase",
            });
            Assert.Contains("id=\"e-current\"", await wrong.Content.ReadAsStringAsync());
        }

        using var again = From(bot, Elsewhere);
        using var signIn = await again.SignInAsync("sato", ConsoleSession.Password);

        Assert.Contains("ロックされています", await signIn.Content.ReadAsStringAsync());
        Assert.Equal(1L, await _world.Database.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'signin.locked' AND detail LIKE 'locked%'"));
    }

    [SkippableFact]
    public async Task SignIn_HashWithFewerIterations_IsRehashedAtTheCurrentCount()
    {
        var bot = Bot();
        var old = new PasswordHasher<StaffAccount>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }))
            .HashPassword(null!, ConsoleSession.Password);
        var store = bot.Services.GetRequiredService<StaffAccountStore>();
        await store.CreateAsync(new StaffAccountDraft("sato", "佐藤", StaffRole.Viewer), old, false, DateTimeOffset.UtcNow, default);
        Assert.Equal(100_000, IterationsOf(await StoredHashAsync()));
        using var session = ConsoleSession.Anonymous(bot);

        using var signIn = await session.SignInAsync("sato", ConsoleSession.Password);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(StaffPasswords.Iterations, IterationsOf(await StoredHashAsync()));
    }

    /// <summary>Identity's V3 format: 0x01, then the PRF, the iteration count and the salt length as big-endian uint32s.</summary>
    public static int IterationsOf(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1))); // HMAC-SHA512
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5));
    }

    private Task<string> StoredHashAsync() => _world.Database.ScalarAsync<string>("SELECT password_hash FROM staff_accounts WHERE username = 'sato'");

    private TestBot Bot(Dictionary<string, string?>? settings = null)
    {
        return _world.CreateBot(
            settings,
            s =>
            {
                RecordingHandler.Register(s);
                s.AddTransient<IStartupFilter, ClientAddress>();
            });
    }

    private static ConsoleSession From(TestBot bot, string address)
    {
        var session = ConsoleSession.Anonymous(bot);
        ClientAddress.Use(session.Client, address);
        return session;
    }
}

public sealed class SessionTestsOnSqlite() : SessionTests("Sqlite");

public sealed class SessionTestsOnPostgres() : SessionTests("Postgres");
