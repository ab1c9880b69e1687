using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OutreachBot.Tests.CivicEvents;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Surveys;

/// <summary>An event with a survey (<c>surveyId</c>, PUT /api/v1/events/{id}): the thanks the day after opens the survey instead of the rating.</summary>
public abstract class EventSurveyTests(string provider) : IAsyncLifetime
{
    private ConversationHost _host = null!;

    public async Task InitializeAsync() => _host = await ConversationHost.StartAsync(provider, Applicants.NoticesAtOnce);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [SkippableFact]
    public async Task ThanksOfAnEventWithASurvey_HasTheSurveysStartButtonInsteadOfTheRating()
    {
        using var api = _host.Bot.CreateApiClient();
        var seminar = ApplicationChatTests.Seminar(capacity: 5);
        var eventId = await ApplicationChatTests.CreateAsync(api, seminar);
        var surveyId = await SurveysApiTests.CreateAsync(api, SurveysApiTests.Awareness());
        using var unknown = await api.PutAsJsonAsync($"/api/v1/events/{eventId}", With(seminar, 999));
        using var attached = await api.PutAsJsonAsync($"/api/v1/events/{eventId}", With(seminar, surveyId));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("surveyId", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(HttpStatusCode.OK, attached.StatusCode);
        Assert.Equal(surveyId, (await api.GetFromJsonAsync<JsonElement>($"/api/v1/events/{eventId}")).GetProperty("surveyId").GetInt64());
        var hana = await Applicants.AppliedAsync(_host, "Ueventsurvey00000000000000000001", eventId);

        await Applicants.HeldYesterdayAsync(_host, eventId);
        var thanks = await SurveySendTests.InvitationAsync(hana);

        Assert.Contains("「とみさと協働塾」にご参加いただき、ありがとうございました。よろしければ、アンケート「市民活動アンケート」にお答えください。", Sent.Text(thanks));
        Assert.Equal([("回答する", $"v1|svy|{surveyId}")], Sent.Buttons(thanks));
        Assert.Contains("問1/4", Sent.Text((await hana.TapAsync($"v1|svy|{surveyId}")).TakeLast(1)));
    }

    private static JsonObject With(object seminar, long surveyId)
    {
        var body = JsonSerializer.SerializeToNode(seminar)!.AsObject();
        body["surveyId"] = surveyId;
        return body;
    }
}

public sealed class EventSurveyTestsOnSqlite() : EventSurveyTests("Sqlite");

public sealed class EventSurveyTestsOnPostgres() : EventSurveyTests("Postgres");
