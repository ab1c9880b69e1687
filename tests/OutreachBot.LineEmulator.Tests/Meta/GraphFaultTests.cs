using System.Net;
using System.Text.Json;
using OutreachBot.LineEmulator.Meta;

namespace OutreachBot.LineEmulator.Tests.Meta;

/// <summary>Faults the Graph API plays on demand, and the view of the Page and the Instagram account beside the chat.</summary>
public sealed class GraphFaultTests
{
    [Theory]
    [InlineData(4, "X-App-Usage")]
    [InlineData(32, "X-Page-Usage")]
    [InlineData(80001, "X-Business-Use-Case-Usage")]
    [InlineData(80002, "X-Business-Use-Case-Usage")]
    public async Task Throttle_AnswersItsCodeWithTheUsageHeaderFull_ThenPasses(int code, string header)
    {
        await using var host = await GraphHost.StartAsync();
        await host.AddFaultAsync(new MetaFault { Kind = "throttle", Code = code, RegainMinutes = 3 });

        var (throttled, body) = await host.PostAsync($"{host.PageId}/feed", ("message", "a"));
        var (passed, _) = await host.PostAsync($"{host.PageId}/feed", ("message", "b"));

        Assert.Equal(code, body.GetProperty("error").GetProperty("code").GetInt32());
        var usage = throttled.Headers.GetValues(header).Single();
        Assert.Contains("100", usage, StringComparison.Ordinal);
        if (code != 4)
        {
            Assert.Contains("\"estimated_time_to_regain_access\":3", usage, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
        Assert.Equal("b", Assert.Single(host.Server.Meta.Posts).Message);
    }

    [Fact]
    public async Task ServerErrorAndExpiredToken_AreGraphErrors()
    {
        await using var host = await GraphHost.StartAsync();
        await host.AddFaultAsync(new MetaFault { Kind = "server-error" });
        await host.AddFaultAsync(new MetaFault { Kind = "token", Count = null, Path = "/feed" });

        var (failed, error) = await host.GetAsync(host.PageId);
        var (expired, token) = await host.PostAsync($"{host.PageId}/feed", ("message", "a"));
        var (stillExpired, _) = await host.PostAsync($"{host.PageId}/feed", ("message", "a"));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.True(error.GetProperty("error").GetProperty("is_transient").GetBoolean());
        Assert.Equal(190, token.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(463, token.GetProperty("error").GetProperty("error_subcode").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, stillExpired.StatusCode);
        Assert.Empty(host.Server.Meta.Posts);
    }

    [Fact]
    public async Task TimeoutAfterPublish_PostsThenNeverAnswers()
    {
        await using var host = await GraphHost.StartAsync();
        await host.AddFaultAsync(new MetaFault { Kind = "timeout-after-publish", Path = "/feed", DelayMilliseconds = 300 });

        await Assert.ThrowsAsync<HttpRequestException>(() => host.PostAsync($"{host.PageId}/feed", ("message", "届いたか不明")));

        Assert.Equal("届いたか不明", Assert.Single(host.Server.Meta.Posts).Message);
    }

    [Fact]
    public async Task View_ShowsThePagePostsAndInstagramMediaEscaped()
    {
        await using var host = await GraphHost.StartAsync();
        await host.PostAsync($"{host.PageId}/feed", ("message", "<b>講座</b>のお知らせ"));
        await host.PublishToInstagramAsync("インスタの投稿");

        var html = await host.Http.GetStringAsync(new Uri("meta", UriKind.Relative));
        using var state = JsonDocument.Parse(await host.Http.GetStringAsync(new Uri("_emulator/meta", UriKind.Relative)));

        Assert.Contains("&lt;b&gt;講座&lt;/b&gt;のお知らせ", html, StringComparison.Ordinal);
        Assert.Contains("インスタの投稿", html, StringComparison.Ordinal);
        Assert.Equal(1, state.RootElement.GetProperty("instagram").GetProperty("media").GetArrayLength());
    }
}
