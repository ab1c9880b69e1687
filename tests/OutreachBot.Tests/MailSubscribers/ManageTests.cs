using System.Net;
using OutreachBot.MailSubscribers;
using OutreachBot.Tests.StaffConsole;

namespace OutreachBot.Tests.MailSubscribers;

/// <summary>The links in every mail: change topics or language, leave with one click (RFC 8058), and what old links do then.</summary>
public abstract class ManageTests(string provider, MailServerFixture mail) : SubscribeHost(provider, mail)
{
    [SkippableFact]
    public async Task Manage_NewTopicsAndLanguage_ClosesDroppedPeriodsOpensNewOnesAndKeepsTheRest()
    {
        var (resident, manage) = await ConfirmedAsync("change@example.jp", "volunteer", "events");
        var fields = new List<KeyValuePair<string, string>> { new("Topics", "volunteer"), new("Topics", "subsidies"), new("MailLanguage", "pt-BR") };

        using var response = await resident.Client.PostAsync(manage, new FormUrlEncodedContent(fields));

        Assert.Contains("data-testid=\"saved\"", await BodyAsync(response, HttpStatusCode.OK));
        Assert.Equal("pt-BR", await Database.ScalarAsync<string>("SELECT language FROM mail_subscribers"));
        Assert.Equal("subsidies,volunteer", await OpenTopicsAsync());
        Assert.Equal(1, await Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM mail_subscriptions p JOIN topics t ON t.id = p.topic_id WHERE t.slug = 'events' AND p.ended_at IS NOT NULL"));
        Assert.Equal(3, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM mail_subscriptions"));
        Assert.Contains("checked=\"checked\"", await resident.GetPageAsync(manage));
    }

    [SkippableFact]
    public async Task Manage_NoTopic_ErrorBesideTheTopicsAndNothingChanged()
    {
        var (resident, manage) = await ConfirmedAsync("keep@example.jp", "volunteer");

        using var response = await resident.Client.PostAsync(manage + "&lang=en", new FormUrlEncodedContent([new("MailLanguage", "en")]));

        Assert.Contains("<p class=\"error\" id=\"e-topics\">Choose at least one kind of news.</p>", await BodyAsync(response, HttpStatusCode.BadRequest));
        Assert.Equal("volunteer", await OpenTopicsAsync());
        Assert.Equal("ja", await Database.ScalarAsync<string>("SELECT language FROM mail_subscribers"));
    }

    [SkippableFact]
    public async Task Unsubscribe_OneClickPost_ErasesTheAddressClosesPeriodsAndOldLinksStopWorking()
    {
        var (resident, manage) = await ConfirmedAsync("leave@example.jp", "volunteer", "events");
        var unsubscribe = manage.Replace(SubscriberLinks.ManagePath, SubscriberLinks.UnsubscribePath, StringComparison.Ordinal);
        using var provider = Bot.CreateClient();

        using var response = await provider.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));

        Assert.Contains("data-testid=\"left\"", await BodyAsync(response, HttpStatusCode.OK));
        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.Equal(1, await Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM mail_subscribers WHERE status = 'unsubscribed' AND address IS NULL AND address_key IS NULL AND token_version = 2"));
        Assert.Equal(0, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM mail_subscriptions WHERE ended_at IS NULL"));
        Assert.Equal(2, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM mail_subscriptions"));
        using var oldManage = await provider.GetAsync(manage);
        Assert.Contains("data-testid=\"link-problem\"", await BodyAsync(oldManage, HttpStatusCode.BadRequest));
        using var again = await provider.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [SkippableFact]
    public async Task Unsubscribe_Get_ShowsOneButtonAndUnsubscribesNobody()
    {
        var (resident, manage) = await ConfirmedAsync("scanner@example.jp", "volunteer");
        var unsubscribe = manage.Replace(SubscriberLinks.ManagePath, SubscriberLinks.UnsubscribePath, StringComparison.Ordinal);

        var page = await resident.GetPageAsync(unsubscribe);

        Assert.Contains("<button type=\"submit\" class=\"danger\">", page);
        Assert.Equal("confirmed", await Database.ScalarAsync<string>("SELECT status FROM mail_subscribers"));
        using var pressed = await resident.Client.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.Equal("unsubscribed", await Database.ScalarAsync<string>("SELECT status FROM mail_subscribers"));
    }

    [SkippableFact]
    public async Task Manage_Page_SetsNoCookieAndItsFormCarriesNoAntiforgeryToken()
    {
        var (_, manage) = await ConfirmedAsync("cookies@example.jp", "volunteer");
        using var client = Bot.CreateClient();

        using var response = await client.GetAsync(manage);

        Assert.DoesNotContain("__RequestVerificationToken", await BodyAsync(response, HttpStatusCode.OK));
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [SkippableFact]
    public async Task Manage_TruncatedLink_400InTheReadersLanguageSayingToSubscribeAgain()
    {
        var (_, manage) = await ConfirmedAsync("cut@example.jp", "volunteer");
        using var client = Bot.CreateClient();

        using var response = await client.GetAsync(manage[..^10] + "&lang=ko");

        var page = await BodyAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("<html lang=\"ko\">", page);
        Assert.Contains("다시 구독하려면 등록 페이지에서 등록해 주세요.", page);
    }

    /// <summary>Subscribes and confirms an address through the pages, then asks again for the mail with its manage link.</summary>
    private async Task<(ConsoleSession Resident, string ManageLink)> ConfirmedAsync(string address, params string[] topics)
    {
        var resident = Resident();
        using (var _ = await SubscribeAsync(resident, address, topics: topics))
        {
            using var confirmed = await resident.Client.GetAsync(LinkIn((await MailsToAsync(address)).Single(), SubscriberLinks.ConfirmPath));
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }

        await Database.ExecuteAsync("UPDATE mail_subscribers SET confirmation_sent_at = NULL");
        using (var _ = await SubscribeAsync(resident, address))
        {
            return (resident, LinkIn((await MailsToAsync(address, 2))[1], SubscriberLinks.ManagePath));
        }
    }

    private async Task<string> OpenTopicsAsync()
    {
        var slugs = new List<string>();
        var count = await Database.ScalarAsync<long>("SELECT COUNT(*) FROM mail_subscriptions WHERE ended_at IS NULL");
        for (var i = 0; i < count; i++)
        {
            slugs.Add(await Database.ScalarAsync<string>(
                $"SELECT t.slug FROM mail_subscriptions p JOIN topics t ON t.id = p.topic_id WHERE p.ended_at IS NULL ORDER BY t.slug LIMIT 1 OFFSET {i}"));
        }

        return string.Join(',', slugs);
    }
}

public sealed class ManageTestsOnSqlite(MailServerFixture mail) : ManageTests("Sqlite", mail), IClassFixture<MailServerFixture>;

public sealed class ManageTestsOnPostgres(MailServerFixture mail) : ManageTests("Postgres", mail), IClassFixture<MailServerFixture>;
