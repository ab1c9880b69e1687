using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Broadcasts;
using OutreachBot.Broadcasts.Fanout;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;
using OutreachBot.Tests.Broadcasts;

namespace OutreachBot.Tests.StaffConsole;

/// <summary>
/// Text from outside (LINE's errors, what staff typed) may hold " / " too; with staff messages typed, nothing cuts
/// it there, in the console or in the API's problem details, which give both languages apart as well.
/// </summary>
public abstract class OutsideTextTests(string provider)
{
    private const string LinesError = "a / b";

    private static Task<BroadcastHarness> StartAsync(string provider, bool requireApproval = false) => BroadcastHarness.StartAsync(
        provider,
        new Dictionary<string, string?> { ["Broadcasts:RequireApproval"] = requireApproval ? "true" : "false" },
        services => services.AddHttpClient(MulticastClient.HttpClientName).AddHttpMessageHandler(() => new LineRefusesMulticasts(LinesError)));

    [SkippableFact]
    public async Task FailedBroadcast_LinesErrorHoldsTheSeparator_ConsoleAndApiShowItWhole()
    {
        await using var h = await StartAsync(provider);
        await h.SeedAsync("volunteer", 2);
        using var viewer = await ConsoleSession.SignedInAsync(h.Bot, StaffRole.Viewer);

        var id = await h.CreateAsync(BroadcastHarness.Broadcast("volunteer"));
        var view = await h.WaitForStatusAsync(id, "failed");
        var page = await viewer.GetPageAsync($"/console/broadcasts/{id}");

        Assert.Equal(LinesError, view["errors"]![0]!.Text("message"));
        Assert.Contains($"400 {LinesError}</td>", page, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TestSend_LinesErrorHoldsTheSeparator_ApiDetailAndConsoleShowItWhole()
    {
        await using var h = await StartAsync(provider);
        var staff = "U" + new string('c', 32);
        h.Line.AddFollower(staff);
        var tester = await ConsoleSession.CreateAccountAsync(h.Bot, "tester", StaffRole.Editor);
        await h.Get<StaffAccountStore>().SetLineUserIdAsync(tester.Id, staff, DateTimeOffset.UtcNow, default);
        using var editor = await ConsoleSession.SignedInAsync(h.Bot, StaffRole.Editor);
        var id = await h.CreateAsync(BroadcastHarness.Broadcast("volunteer", draft: true));

        var (response, body) = await h.PostAsync($"/api/v1/broadcasts/{id}/test", new { userIds = new[] { staff }, language = "ja" });
        var problem = body!;
        using var console = await editor.PostFormAsync(
            $"/console/broadcasts/{id}?handler=Test", new() { ["to"] = "list", ["UserIds"] = staff, ["language"] = "ja" }, $"/console/broadcasts/{id}");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal(LinesError, problem.Text("detail"));
        Assert.Equal("LINEがテスト送信を受け付けませんでした。 / LINE refused the test send.", problem.Text("title"));
        Assert.Equal("LINE refused the test send.", problem.Text("en"));
        Assert.Contains($": {LinesError}</p>", await console.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Compose_UnknownTopicHoldingTheSeparator_ErrorShownWhole()
    {
        await using var h = await StartAsync(provider);
        using var editor = await ConsoleSession.SignedInAsync(h.Bot, StaffRole.Editor);

        using var refused = await editor.PostFormAsync("/console/broadcasts/compose", new()
        {
            ["Input.Title"] = "お知らせ",
            ["Input.Variants[0].Language"] = "ja",
            ["Input.Variants[0].Slots[0].Type"] = "text",
            ["Input.Variants[0].Slots[0].Text"] = "本文です。",
            ["Input.Topics"] = "a / b",
            ["Input.Match"] = "any",
            ["Input.Schedule"] = "now",
            ["action"] = "draft",
        });

        Assert.Contains("トピック「a / b」はありません。", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Approve_OwnBroadcastThroughTheApi_ProblemGivesBothLanguagesTogetherAndApart()
    {
        await using var h = await StartAsync(provider, requireApproval: true);
        var id = await h.CreateAsync(BroadcastHarness.Broadcast("volunteer"));

        var (response, body) = await h.PostAsync($"/api/v1/broadcasts/{id}/approve", new { });
        var problem = body!;

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("この配信を作成または編集した人は承認できません。別の承認者に依頼してください（同じ人のAPIキーも同じ人です）。", problem.Text("ja"));
        Assert.Equal("Whoever wrote or edited this broadcast cannot approve it; another approver must (a person's API keys count as that person).", problem.Text("en"));
        Assert.Equal($"{problem.Text("ja")} / {problem.Text("en")}", problem.Text("title"));
    }

    /// <summary>LINE answering every multicast (test sends too) with a 400 whose message is <paramref name="message"/>.</summary>
    private sealed class LineRefusesMulticasts(string message) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri?.AbsolutePath != "/v2/bot/message/multicast")
            {
                return base.SendAsync(request, cancellationToken);
            }

            var refused = new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = JsonContent.Create(new { message }), RequestMessage = request };
            refused.Headers.Add("x-line-request-id", Guid.NewGuid().ToString("D"));
            return Task.FromResult(refused);
        }
    }
}

public sealed class OutsideTextTestsOnSqlite() : OutsideTextTests("Sqlite");

public sealed class OutsideTextTestsOnPostgres() : OutsideTextTests("Postgres");
