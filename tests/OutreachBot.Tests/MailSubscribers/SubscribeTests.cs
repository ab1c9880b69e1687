using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using OutreachBot.MailSubscribers;

namespace OutreachBot.Tests.MailSubscribers;

/// <summary>The /subscribe form's double opt-in, through the bot's HTTP pages and a real SMTP server.</summary>
public abstract class SubscribeTests(string provider, MailServerFixture mail)
    : SubscribeHost(provider, mail, new Dictionary<string, string?> { ["MailSubscribers:SubscribesPerIpPerHour"] = "3" })
{
    [SkippableFact]
    public async Task Subscribe_NewAddress_StoresPendingAndSendsOneConfirmationMailInTheChosenLanguage()
    {
        using var resident = Resident();

        using var response = await SubscribeAsync(resident, "Hanako@Example.jp", language: "en", topics: ["volunteer", "npo-news"]);

        var page = await BodyAsync(response, HttpStatusCode.OK);
        Assert.Contains("data-testid=\"check-mail\"", page);
        var mails = await MailsToAsync("Hanako@Example.jp");
        var confirmation = Assert.Single(mails);
        Assert.Equal("Please confirm: civic activity news by e-mail", confirmation.Subject);
        var alternative = Assert.IsType<MultipartAlternative>(confirmation.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.All(alternative.OfType<TextPart>(), p => Assert.Equal("utf-8", p.ContentType.Charset));
        Assert.Contains("/subscribe/confirm?t=", confirmation.HtmlBody);
        Assert.StartsWith("/subscribe/confirm?t=", LinkIn(confirmation, SubscriberLinks.ConfirmPath));
        Assert.Equal("pending", await Database.ScalarAsync<string>("SELECT status FROM mail_subscribers WHERE address_key = 'hanako@example.jp'"));
        Assert.Equal("en", await Database.ScalarAsync<string>("SELECT language FROM mail_subscribers"));
        Assert.Equal(2, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM mail_pending_topics"));
        Assert.Equal(0, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM mail_subscriptions"));
    }

    [SkippableFact]
    public async Task Confirm_LinkOpened_ConfirmsAndOpensThePeriodsOfTheChosenTopics()
    {
        using var resident = Resident();
        using var _ = await SubscribeAsync(resident, "taro@example.jp", topics: ["volunteer", "npo-news"]);
        var link = LinkIn((await MailsToAsync("taro@example.jp")).Single(), SubscriberLinks.ConfirmPath);

        using var response = await resident.Client.GetAsync(link);

        Assert.Contains("data-testid=\"confirmed\"", await BodyAsync(response, HttpStatusCode.OK));
        Assert.Equal("confirmed", await Database.ScalarAsync<string>("SELECT status FROM mail_subscribers"));
        Assert.Equal(1, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM mail_subscribers WHERE opted_in_at IS NOT NULL"));
        Assert.Equal(2, await Database.ScalarAsync<long>(
            """
            SELECT COUNT(*) FROM mail_subscriptions p JOIN topics t ON t.id = p.topic_id
            WHERE t.slug IN ('volunteer', 'npo-news') AND p.ended_at IS NULL
            """));
        Assert.Equal(0, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM mail_pending_topics"));
    }

    [SkippableFact]
    public async Task Subscribe_ConfirmedAddressAgain_SamePageAndAMailWithItsManageLink()
    {
        using var resident = Resident();
        using var first = await SubscribeAsync(resident, "jiro@example.jp");
        using var confirmed = await resident.Client.GetAsync(LinkIn((await MailsToAsync("jiro@example.jp")).Single(), SubscriberLinks.ConfirmPath));
        await Database.ExecuteAsync($"UPDATE mail_subscribers SET confirmation_sent_at = {DateTimeOffset.UtcNow.AddMinutes(-11).ToUnixTimeMilliseconds()}");
        using var newcomer = await SubscribeAsync(resident, "someone-new@example.jp");

        using var again = await SubscribeAsync(resident, "jiro@example.jp", topics: ["npo-news"]);

        var known = CheckMailText().Match(await BodyAsync(again, HttpStatusCode.OK)).Groups[1].Value;
        Assert.Equal(CheckMailText().Match(await BodyAsync(newcomer, HttpStatusCode.OK)).Groups[1].Value, known);
        var mails = await MailsToAsync("jiro@example.jp", 2);
        Assert.Equal(2, mails.Count);
        Assert.StartsWith("/subscribe/manage?t=", LinkIn(mails[1], SubscriberLinks.ManagePath));
        Assert.Equal(1, await Database.ScalarAsync<long>(
            "SELECT COUNT(*) FROM mail_subscriptions p JOIN topics t ON t.id = p.topic_id WHERE t.slug = 'volunteer' AND p.ended_at IS NULL"));
        Assert.Equal(0, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM mail_subscriptions p JOIN topics t ON t.id = p.topic_id WHERE t.slug = 'npo-news'"));
    }

    [SkippableFact]
    public async Task Subscribe_SameAddressWithinTenMinutes_SamePageButNoSecondMail()
    {
        using var resident = Resident();
        using var first = await SubscribeAsync(resident, "flood@example.jp");
        await MailsToAsync("flood@example.jp");

        using var second = await SubscribeAsync(resident, "FLOOD@example.jp");

        Assert.Contains("data-testid=\"check-mail\"", await BodyAsync(second, HttpStatusCode.OK));
        await Task.Delay(500);
        Assert.Single(await MailsToAsync("flood@example.jp", 2));
        Assert.Equal(1, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM mail_subscribers"));
    }

    [SkippableFact]
    public async Task Subscribe_OverThePerIpLimit_SamePageButNoMail()
    {
        using var resident = Resident("198.51.100.20");
        for (var i = 1; i <= 3; i++)
        {
            using var allowed = await SubscribeAsync(resident, $"ip{i}@example.jp");
        }

        using var refused = await SubscribeAsync(resident, "ip4@example.jp");
        using var elsewhere = await SubscribeAsync(Resident("198.51.100.21"), "ip5@example.jp");

        Assert.Contains("data-testid=\"check-mail\"", await BodyAsync(refused, HttpStatusCode.OK));
        Assert.Single(await MailsToAsync("ip5@example.jp"));
        Assert.Single(await MailsToAsync("ip3@example.jp"));
        Assert.Empty(await MailsToAsync("ip4@example.jp", 0));
        Assert.Equal(0, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM mail_subscribers WHERE address_key = 'ip4@example.jp'"));
    }

    [SkippableTheory]
    [InlineData("not-an-address")]
    [InlineData("Name <name@example.jp>")]
    [InlineData("a@b")]
    [InlineData("two@example.jp, three@example.jp")]
    public async Task Subscribe_InvalidInput_MessagesBesideTheFieldsInTheReadersLanguageAndNothingStored(string address)
    {
        using var resident = Resident();
        var fields = new List<KeyValuePair<string, string>> { new("Address", address), new("MailLanguage", "tlh") };

        using var response = await PostWithTokenAsync(resident, "/subscribe?lang=en", fields);

        var page = await BodyAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("<p class=\"error\" id=\"e-address\">Enter a valid e-mail address.</p>", page);
        Assert.Contains("<p class=\"error\" id=\"e-topics\">Choose at least one kind of news.</p>", page);
        Assert.Contains("<p class=\"error\" id=\"e-language\">Choose a language from the list.</p>", page);
        Assert.Contains("<html lang=\"en\">", page);
        Assert.Equal(0, await Database.ScalarAsync<long>("SELECT COUNT(*) FROM mail_subscribers"));
    }

    [SkippableFact]
    public async Task Subscribe_AddressLongerThan254_Refused()
    {
        using var resident = Resident();
        using var response = await SubscribeAsync(resident, new string('a', 244) + "@example.jp");

        Assert.Contains("id=\"e-address\"", await BodyAsync(response, HttpStatusCode.BadRequest));
    }

    [SkippableFact]
    public async Task Subscribe_PageInJapaneseFirst_ListsTopicsInTheReadersLanguageAndSetsOnlyTheAntiforgeryCookie()
    {
        using var client = Bot.CreateClient();

        using var japanese = await client.GetAsync("/subscribe");
        using var english = await client.GetAsync("/subscribe?lang=en");

        var page = await BodyAsync(japanese, HttpStatusCode.OK);
        Assert.Contains("<html lang=\"ja\">", page);
        Assert.Contains("メールで受け取る", page);
        Assert.Contains("ボランティア募集", page);
        Assert.Contains("name=\"__RequestVerificationToken\"", page);
        Assert.All(japanese.Headers.GetValues("Set-Cookie"), c => Assert.StartsWith(".OutreachBot.Antiforgery=", c, StringComparison.Ordinal));
        Assert.Contains("Get the news by e-mail", await BodyAsync(english, HttpStatusCode.OK));
    }

    [SkippableFact]
    public async Task Confirm_LinkOlderThan48Hours_400SayingSoInTheReadersLanguage()
    {
        using var resident = Resident();
        using var _ = await SubscribeAsync(resident, "late@example.jp");
        var id = await Database.ScalarAsync<long>("SELECT id FROM mail_subscribers");
        var past = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-49));
        var old = new SubscriberTokens(Bot.Services.GetRequiredService<IDataProtectionProvider>(), past).Create(SubscriberTokenPurpose.Confirm, id, 1);

        using var response = await resident.Client.GetAsync($"/subscribe/confirm?t={old}&lang=en");

        Assert.Contains("This link is older than 48 hours.", await BodyAsync(response, HttpStatusCode.BadRequest));
        Assert.Equal("pending", await Database.ScalarAsync<string>("SELECT status FROM mail_subscribers"));
    }

    [SkippableTheory]
    [InlineData("/subscribe/confirm?t=forged-token")]
    [InlineData("/subscribe/confirm")]
    [InlineData("/subscribe/manage?t=CfDJ8")]
    [InlineData("/subscribe/unsubscribe?t=%00%01")]
    public async Task Links_ForgedOrMissingToken_400WithWhatToDo(string path)
    {
        using var client = Bot.CreateClient();

        using var response = await client.GetAsync(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "lang=vi");

        var page = await BodyAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("Liên kết không đúng", page);
        Assert.Contains("href=\"/subscribe?lang=vi\"", page);
    }
}

public sealed class SubscribeTestsOnSqlite(MailServerFixture mail) : SubscribeTests("Sqlite", mail), IClassFixture<MailServerFixture>;

public sealed class SubscribeTestsOnPostgres(MailServerFixture mail) : SubscribeTests("Postgres", mail), IClassFixture<MailServerFixture>;
