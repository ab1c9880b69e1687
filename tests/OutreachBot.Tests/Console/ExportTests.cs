using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OutreachBot.Exports;
using OutreachBot.Pages.Export;
using OutreachBot.Staff;
using OutreachBot.StaffConsole;
using OutreachBot.Subscriptions;

namespace OutreachBot.Tests.StaffConsole;

public abstract class ExportTests(string provider) : ConsoleHost(provider)
{
    [SkippableFact]
    public async Task Csv_Period_HasABomAHeaderAndOneRowPerDay()
    {
        var citizens = Bot.Services.GetRequiredService<CitizenStore>();
        var volunteer = (await Bot.Services.GetRequiredService<TopicStore>().FindAsync("volunteer", default))!;
        var now = DateTimeOffset.UtcNow;
        await citizens.FollowAsync("U1", "ja", null, now, default);
        await Bot.Services.GetRequiredService<SubscriptionStore>().SubscribeAsync("U1", volunteer.Id, now, default);
        var today = Bot.Services.GetRequiredService<ConsoleClock>().Today;
        var from = today.AddDays(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var viewer = await ConsoleSession.SignedInAsync(Bot, StaffRole.Viewer);

        using var response = await viewer.Client.GetAsync($"/console/export/subscribers.csv?from={from}&to={to}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"subscribers_{from}_{to}.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(7, lines.Length); // the header, then each day for LINE and for e-mail
        Assert.StartsWith("日付 / Date,チャネル / Channel,ボランティア募集 (volunteer),", lines[0]);
        Assert.Equal(10, lines[0].Split(',').Length); // the date, the channel and the eight seeded topics
        Assert.Equal($"{to},line,1,0,0,0,0,0,0,0", lines[5]);
        Assert.Equal($"{to},mail,0,0,0,0,0,0,0,0", lines[6]);
    }

    [SkippableFact]
    public async Task Csv_BackwardsPeriod_Answers400WithTheErrorBesideTo()
    {
        using var viewer = await ConsoleSession.SignedInAsync(Bot, StaffRole.Viewer);

        using var response = await viewer.Client.GetAsync("/console/export/subscribers.csv?from=2025-02-01&to=2025-01-01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"e-to\"", await response.Content.ReadAsStringAsync());
    }
}

public sealed class ExportTestsOnSqlite() : ExportTests("Sqlite");

public sealed class ExportTestsOnPostgres() : ExportTests("Postgres");

public sealed class SubscriberCsvTests
{
    [Theory]
    [InlineData("ボランティア", "ボランティア")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("-1+2", "'-1+2")]
    public void Field_Text_IsQuotedAndDefusedForSpreadsheets(string value, string expected) =>
        Assert.Equal(expected, ExcelCsv.Field(value));

    [Fact]
    public void Write_TopicCreatedMidPeriod_LeavesItsEarlierDaysBlank()
    {
        var day1 = new DateOnly(2025, 4, 1);
        var topics = new[] { new Topic { Slug = "a", Names = new Dictionary<string, string> { ["ja"] = "A" } } };
        var rows = new[] { new DailySubscribers(day1.AddDays(1), "a", 5) };

        var text = Encoding.UTF8.GetString(SubscriberCsv.Write(rows, topics, day1, day1.AddDays(1)).AsSpan(3));

        Assert.Equal("日付 / Date,チャネル / Channel,A (a)\r\n2025-04-01,line,\r\n2025-04-01,mail,\r\n2025-04-02,line,5\r\n2025-04-02,mail,\r\n", text);
    }
}
