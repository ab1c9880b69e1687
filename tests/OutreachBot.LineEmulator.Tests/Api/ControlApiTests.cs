using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OutreachBot.LineEmulator.Api;
using OutreachBot.LineEmulator.Hosting;

namespace OutreachBot.LineEmulator.Tests.Api;

/// <summary>The emulator's own control API: reply tokens for tests, injected faults and the request journal.</summary>
public sealed class ControlApiTests
{
    [Fact]
    public async Task ControlApi_ReplyTokens_OneFreshTokenPerUserThatRepliesToThatUser()
    {
        await using var host = await ApiHost.StartAsync();
        host.Line.AddFollower("Ualice");
        host.Line.AddFollower("Ubob");

        using var issued = await host.Http.PostAsJsonAsync(new Uri("_emulator/reply-tokens", UriKind.Relative), new[] { "Ualice", "Ubob" });
        var tokens = (await issued.Content.ReadFromJsonAsync<string[]>())!;
        using var reply = await host.PostAsync("v2/bot/message/reply", $$"""{"replyToken":"{{tokens[1]}}","messages":[{"type":"text","text":"hi"}]}""");
        using var again = await host.PostAsync("v2/bot/message/reply", $$"""{"replyToken":"{{tokens[1]}}","messages":[{"type":"text","text":"hi"}]}""");
        using var refused = await host.Http.PostAsJsonAsync(new Uri("_emulator/reply-tokens", UriKind.Relative), new[] { "" });

        Assert.Equal(2, tokens.Distinct().Count());
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal("Ubob", Assert.Single(host.Line.Journal.Deliveries).Recipient);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task ControlApi_PutFaultsThenGetRequests_InjectsAndRecordsWithoutAuthorization()
    {
        await using var host = await ApiHost.StartAsync();

        using var put = await host.Http.PutAsJsonAsync(new Uri("_emulator/faults", UriKind.Relative), new FaultSettings { ServerError = 1, MaxFaults = 1 });
        using var failed = await host.PostAsync("v2/bot/message/push", ApiHost.Push);
        using var recorded = await host.Http.GetAsync(new Uri("_emulator/requests?path=/v2/bot/message/push", UriKind.Relative));
        var json = await recorded.Content.ReadAsStringAsync();
        using var cleared = await host.Http.DeleteAsync(new Uri("_emulator/faults", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        using var document = JsonDocument.Parse(json);
        var entry = Assert.Single(document.RootElement.EnumerateArray());
        Assert.Equal(500, entry.GetProperty("status").GetInt32());
        Assert.Equal("500", entry.GetProperty("fault").GetString());
        Assert.DoesNotContain(EmulatorOptions.DefaultChannelAccessToken, json, StringComparison.Ordinal);
        Assert.Equal(0, host.Line.Faults.Current.ServerError);
    }

    [Fact]
    public async Task ControlApi_FaultSharesOverOne_Answers400()
    {
        await using var host = await ApiHost.StartAsync();

        using var put = await host.Http.PutAsJsonAsync(new Uri("_emulator/faults", UriKind.Relative), new FaultSettings { ServerError = 0.8, TooManyRequests = 0.5 });

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
    }

    [Fact]
    public async Task ControlApi_PartialFaultJson_KeepsDefaultsForWhatIsMissing()
    {
        await using var host = await ApiHost.StartAsync();

        using var put = await host.Http.PutAsync(
            new Uri("_emulator/faults", UriKind.Relative), new StringContent("""{"tooManyRequests":1}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(1, host.Line.Faults.Current.RetryAfterSeconds);
        Assert.Equal(2000, host.Line.Faults.Current.SlowMilliseconds);
        Assert.Empty(host.Line.Faults.Current.Paths);
    }
}
