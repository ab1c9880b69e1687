using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OutreachBot.LineEmulator.State;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Surveys;

/// <summary>A survey sent to a topic is a broadcast of its invitation, in each citizen's language, whose button starts it.</summary>
public abstract class SurveySendTests(string provider) : IAsyncLifetime
{
    private static readonly Dictionary<string, string?> NoQuietHours = new()
    {
        ["Broadcasts:QuietHoursStart"] = "00:00",
        ["Broadcasts:QuietHoursEnd"] = "00:00",
    };

    private ConversationHost _host = null!;

    public async Task InitializeAsync() => _host = await ConversationHost.StartAsync(provider, NoQuietHours);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [SkippableFact]
    public async Task Send_ToATopic_IsABroadcastWhoseButtonStartsTheSurvey()
    {
        using var api = _host.Bot.CreateApiClient();
        using var topic = await api.PostAsJsonAsync("/api/v1/topics", new { slug = "kyodo", names = new { ja = "協働" } });
        var topicId = await _host.ScalarAsync<long>("SELECT id FROM topics WHERE slug = 'kyodo'");
        var id = await SurveysApiTests.CreateAsync(api, SurveysApiTests.Awareness());
        var hana = _host.Citizen("Usurveysendja000000000000000001");
        var tom = _host.Citizen("Usurveysenden000000000000000001", "en");
        var outsider = _host.Citizen("Usurveysendnone0000000000000001");
        foreach (var chat in new[] { hana, tom, outsider })
        {
            await chat.FollowAsync();
        }

        await tom.TapAsync("v1|lang|en");
        await hana.TapAsync($"v1|sub|{topicId}");
        await tom.TapAsync($"v1|sub|{topicId}");

        using var sent = await api.PostAsJsonAsync($"/api/v1/surveys/{id}/send", new { target = new { topics = new[] { "kyodo" } } });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var broadcast = await sent.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("アンケート: 市民活動アンケート", broadcast.GetProperty("title").GetString());

        var invitation = await InvitationAsync(hana);
        Assert.Contains("アンケート「市民活動アンケート」へのご協力をお願いします。", Sent.Text(invitation));
        Assert.Equal([("回答する", $"v1|svy|{id}")], Sent.Buttons(invitation));
        Assert.Contains("Please help us with the survey", Sent.Text(await InvitationAsync(tom)));
        var opened = await hana.TapAsync(Sent.Button(invitation, "v1|svy|"));
        Assert.Contains("問1/4", Sent.Text(opened));
        Assert.DoesNotContain(outsider.All, l => Sent.Buttons([l]).Any(b => b.Data.StartsWith("v1|svy|", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public async Task Send_AClosedOrUnknownSurveyOrABadTarget_IsRefusedAndMakesNoBroadcast()
    {
        using var api = _host.Bot.CreateApiClient();
        var id = await SurveysApiTests.CreateAsync(api, SurveysApiTests.Awareness());
        using var badTarget = await api.PostAsJsonAsync($"/api/v1/surveys/{id}/send", new { target = new { topics = new[] { "nosuchtopic" } }, schedule = new { at = "yesterday" } });
        await _host.Database.ExecuteAsync($"UPDATE surveys SET closes_at = 1000 WHERE id = {id}");
        using var closed = await api.PostAsJsonAsync($"/api/v1/surveys/{id}/send", new { target = new { topics = new[] { "kyodo" } } });
        using var unknown = await api.PostAsJsonAsync("/api/v1/surveys/999/send", new { });

        Assert.Equal(HttpStatusCode.BadRequest, badTarget.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(0L, await _host.ScalarAsync<long>("SELECT COUNT(*) FROM broadcasts"));
    }

    /// <summary>Waits up to 15 seconds for the one message with a survey's 回答する: a broadcast's, or the thanks after an event.</summary>
    public static async Task<IReadOnlyList<ChatLine>> InvitationAsync(CitizenChat chat)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (chat.All.Where(l => Sent.Buttons([l]).Any(b => b.Data.StartsWith("v1|svy|", StringComparison.Ordinal))).ToList() is [var invitation])
            {
                return [invitation];
            }

            await Task.Delay(100);
        }

        throw new Xunit.Sdk.XunitException($"No invitation to {chat.UserId}: {Sent.Text(chat.All)}");
    }
}

public sealed class SurveySendTestsOnSqlite() : SurveySendTests("Sqlite");

public sealed class SurveySendTestsOnPostgres() : SurveySendTests("Postgres");
