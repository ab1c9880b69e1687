using OutreachBot.Broadcasts;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.Mail;
using OutreachBot.Staff;

namespace OutreachBot.Tests.Broadcasts.MailRuns;

/// <summary>Channels and subjects as the API takes them: defaults, and a clear 400 naming the field for what cannot be.</summary>
public abstract class MailChannelInputTests(string provider) : IAsyncLifetime
{
    private BroadcastHarness _h = null!;

    public async Task InitializeAsync() => _h = await BroadcastHarness.StartAsync(provider);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [SkippableFact]
    public async Task Create_NoChannels_LineOnlyByDefault()
    {
        var id = await _h.CreateAsync(BroadcastHarness.Broadcast("volunteer", draft: true));

        var view = await _h.GetAsync(id);

        Assert.NotNull(view["channels"]!["line"]);
        Assert.Null(view["channels"]!["mail"]);
        Assert.Null(view["channels"]!["web"]);
    }

    [SkippableTheory]
    [InlineData("""[]""", "channels")]
    [InlineData("""["line","fax"]""", "channels")]
    public async Task Create_EmptyOrUnknownChannels_400NamingTheField(string channels, string field)
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse(MailSubscribersSeed.MailBroadcast("volunteer", ["line"]).Json())!;
        body["channels"] = System.Text.Json.Nodes.JsonNode.Parse(channels);

        var (response, json) = await _h.PostAsync("/api/v1/broadcasts", body);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.NotNull(json!["errors"]![field]);
    }

    [SkippableTheory]
    [InlineData("件名\r\nBcc: everyone@example.jp")]
    [InlineData("")]
    public async Task Create_SubjectWithLineBreakOrEmpty_400NamingTheLanguage(string subject)
    {
        var (response, json) = await _h.PostAsync("/api/v1/broadcasts", MailSubscribersSeed.MailBroadcast("volunteer", ["mail"], new { subject = new { ja = subject } }));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.NotNull(json!["errors"]!["mail.subject.ja"]);
    }

    [SkippableFact]
    public async Task Create_SubjectOver200Characters_400()
    {
        var (response, json) = await _h.PostAsync("/api/v1/broadcasts", MailSubscribersSeed.MailBroadcast("volunteer", ["mail"], new { subject = new { ja = new string('あ', 201) } }));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.NotNull(json!["errors"]!["mail.subject.ja"]);
    }

    [SkippableFact]
    public async Task Create_MailToADistrict_400SayingMailSubscribersHaveNone()
    {
        var body = new
        {
            title = "地区のお知らせ",
            messages = new Dictionary<string, object[]> { ["ja"] = [BroadcastHarness.Text("本文")] },
            target = new { topics = new[] { "volunteer" }, districts = new[] { "北地区" } },
            channels = new[] { "line", "mail" },
        };

        var (response, json) = await _h.PostAsync("/api/v1/broadcasts", body);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("district", json!["errors"]!["channels"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Create_MailWithSubjects_StoredAndShown()
    {
        var id = await _h.CreateAsync(MailSubscribersSeed.MailBroadcast("volunteer", ["web", "mail"], new { subject = new { ja = " 今週の件名 ", en = "This week" } }));

        var stored = (await _h.Get<BroadcastStore>().FindAsync(id, default))!;

        Assert.Equal([BroadcastChannel.Mail, BroadcastChannel.Web], stored.Channels);
        Assert.Equal("今週の件名", stored.MailSubjects["ja"]);
        Assert.Equal("This week", (await _h.GetAsync(id))["mailSubjects"]!["en"]!.GetValue<string>());
    }
}

public sealed class MailChannelInputTestsOnSqlite() : MailChannelInputTests("Sqlite");

public sealed class MailChannelInputTestsOnPostgres() : MailChannelInputTests("Postgres");

/// <summary>Where e-mail is not offered, asking for it names the missing setting.</summary>
public sealed class ChannelChecksTests
{
    [Fact]
    public void Channels_MailWithoutSmtpHost_ErrorNamesTheSetting()
    {
        var errors = new Dictionary<string, Bilingual[]>();

        var channels = ChannelChecks.Channels(["line", "mail"], new BroadcastTarget(["volunteer"], false, null, null), new MailChannel(false, false), errors);

        Assert.Null(channels);
        Assert.Contains("Mail:SmtpHost", errors["channels"][0].En, StringComparison.Ordinal);
    }

    [Fact]
    public void Channels_ReminderBroadcastByMail_Refused()
    {
        var errors = new Dictionary<string, Bilingual[]>();

        var channels = ChannelChecks.Channels(["mail"], new BroadcastTarget([], false, null, null, "event-1"), new MailChannel(true, false), errors);

        Assert.Null(channels);
        Assert.Equal(ChannelChecks.MailCannotTarget, errors["channels"][0]);
    }
}

/// <summary>Mails claimed but not yet sent never outlast their lease, whatever the ceiling.</summary>
public sealed class MailClaimLimitTests
{
    [Theory]
    [InlineData(4, 0, 120, 8)]
    [InlineData(4, 10, 120, 8)]
    [InlineData(64, 1, 120, 30)]
    [InlineData(8, 1, 2, 1)]
    public void ClaimLimit_CeilingAndLease_AtMostAQuarterLeaseOfMails(int connections, int perSecond, int leaseSeconds, int expected) =>
        Assert.Equal(expected, OutreachBot.Broadcasts.MailDelivery.MailFanoutWorker.ClaimLimit(connections, perSecond, TimeSpan.FromSeconds(leaseSeconds)));
}
