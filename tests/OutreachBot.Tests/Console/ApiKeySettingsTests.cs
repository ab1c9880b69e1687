using System.Net;
using System.Net.Http.Headers;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.StaffConsole;

/// <summary><c>Api:Keys</c> entries name the staff account each key acts as; an account they name is made at start.</summary>
public abstract class ApiKeySettingsTests(string provider) : ConsoleHost(provider, new Dictionary<string, string?>
{
    ["Api:Keys:1:Key"] = PartnerKey,
    ["Api:Keys:1:Account"] = "Partner-System",
    ["Api:Keys:1:Role"] = "editor",
})
{
    private const string PartnerKey = "partner-system-key";

    [SkippableFact]
    public async Task Start_KeyOfAnAccountThatDoesNotExist_CreatesItWithTheRoleAndItCannotSignIn()
    {
        using var api = Bot.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", PartnerKey);

        using var created = await api.PostAsync("/api/v1/topics", new StringContent(
            """{"slug":"partners","names":{"ja":"協働団体"}}""", System.Text.Encoding.UTF8, "application/json"));
        using var session = ConsoleSession.Anonymous(Bot);
        using var signIn = await session.SignInAsync("partner-system", "");
        using var guess = await session.SignInAsync("partner-system", ConsoleSession.Password);
        using var admin = await ConsoleSession.SignedInAsync(Bot, StaffRole.Admin);

        Assert.Equal("editor", await Database.ScalarAsync<string>("SELECT role FROM staff_accounts WHERE username = 'partner-system'"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(1, await CountAuditAsync(AuditActions.TopicCreated, "partner-system (api:Api:Keys:1)"));
        Assert.NotEqual(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, guess.StatusCode);
        Assert.Equal(StaffCookie.SignInPath, ConsoleSession.PathOf(await session.Client.GetAsync("/console")));
        Assert.Equal(1L, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'signin.failed' AND detail = 'no console password set'"));
        Assert.Contains("data-testid=\"no-password\"", await admin.GetPageAsync("/console/admin/accounts"));
        // The bootstrap admin was made first, with its password: the key's account does not stand in for it.
        Assert.Equal(1L, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM staff_accounts WHERE username = 'admin' AND password_hash <> ''"));
    }

    [SkippableFact]
    public async Task Key_OfAnExistingAccount_ActsNoHigherThanItsRole()
    {
        var bot = World.CreateBot(
            new Dictionary<string, string?> { ["Api:Keys:0:Role"] = "viewer" }, // the admin's key, but read-only
            RecordingHandler.Register);
        using var api = bot.CreateApiClient();

        using var read = await api.GetAsync("/api/v1/topics");
        using var write = await api.PostAsync("/api/v1/topics", new StringContent(
            """{"slug":"readonly","names":{"ja":"読むだけ"}}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }
}

public sealed class ApiKeySettingsTestsOnSqlite() : ApiKeySettingsTests("Sqlite");

public sealed class ApiKeySettingsTestsOnPostgres() : ApiKeySettingsTests("Postgres");

/// <summary>The old form of <c>Api:Keys</c>, a bare key, says nobody's key it is: the bot refuses to start and says how to write it.</summary>
public sealed class ApiKeyBareSettingTests
{
    [Fact]
    public async Task Start_BareStringKey_IsRefusedSayingHowToWriteIt()
    {
        await using var world = await TestWorld.StartAsync("Sqlite");
        var bot = world.CreateBot(new Dictionary<string, string?>
        {
            ["Api:Keys:0:Key"] = null,
            ["Api:Keys:0:Account"] = null,
            ["Api:Keys:0:Role"] = null,
            ["Api:Keys:0"] = "abc",
        });

        var refused = Assert.ThrowsAny<Exception>(() => bot.Server);

        var message = refused.ToString();
        Assert.Contains("Api:Keys:0 is a bare key", message, StringComparison.Ordinal);
        Assert.Contains("\"Account\": \"<username>\"", message, StringComparison.Ordinal);
        Assert.Contains("Api__Keys__0__Key, Api__Keys__0__Account, Api__Keys__0__Role", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EntryWithoutAnAccountOrAKnownRole_FailsNamingTheSetting()
    {
        var result = new OutreachBot.Api.ApiOptionsValidator().Validate(null, new OutreachBot.Api.ApiOptions
        {
            Keys = [new(0, "k", null, "editor"), new(1, "k2", "ok-name", "chief")],
        });

        Assert.Contains("Api:Keys:0:Account", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Api:Keys:1:Role", result.FailureMessage, StringComparison.Ordinal);
    }
}
