using System.Text.Json.Nodes;
using OutreachBot.Broadcasts.Authoring;
using OutreachBot.Pages.Broadcasts;
using OutreachBot.Tests.Infrastructure;

namespace OutreachBot.Tests.Broadcasts;

/// <summary>An image's alt text is kept for mail and web readers and never reaches LINE, whose image message has no such field.</summary>
public abstract class ImageAltTextTests(string provider) : IAsyncLifetime
{
    private const string Url = "https://city.example.jp/poster.png";
    private BroadcastHarness _h = null!;

    public async Task InitializeAsync() => _h = await BroadcastHarness.StartAsync(provider);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [SkippableFact]
    public async Task Broadcast_ImageWithAltText_StoresItAndSendsTheImageToLineWithoutIt()
    {
        await _h.SeedAsync("volunteer", 3);

        var id = await _h.CreateAsync(BroadcastHarness.Broadcast("volunteer", messages: new()
        {
            ["ja"] = [BroadcastHarness.Text("ポスターです"), Image("清掃活動のポスター：軍手と袋は用意します")],
        }));
        await _h.WaitForStatusAsync(id, "sent");

        var stored = JsonNode.Parse(await _h.Database.ScalarAsync<string>($"SELECT messages FROM broadcasts WHERE id = {id}"))!;
        Assert.Equal("清掃活動のポスター：軍手と袋は用意します", stored["ja"]![1]!["altText"]!.GetValue<string>());
        var multicasts = _h.Line.Journal.For("/v2/bot/message/multicast");
        Assert.NotEmpty(multicasts);
        Assert.All(multicasts, request =>
        {
            var image = JsonNode.Parse(request.Body!)!["messages"]![1]!.AsObject();
            Assert.Equal(["type", "originalContentUrl", "previewImageUrl"], image.Select(p => p.Key));
        });
    }

    [SkippableFact]
    public async Task Broadcast_ImageAltTextOverTheLimitOrNotText_IsRefusedNamingTheField()
    {
        var (tooLong, body) = await _h.PostAsync("/api/v1/broadcasts", BroadcastHarness.Broadcast("volunteer", messages: new()
        {
            ["ja"] = [Image(new string('あ', MessageCompiler.ImageAltTextLength + 1))],
        }));
        var (notText, body2) = await _h.PostAsync("/api/v1/broadcasts", BroadcastHarness.Broadcast("volunteer", messages: new()
        {
            ["ja"] = [new { type = "image", originalContentUrl = Url, previewImageUrl = Url, altText = 12 }],
        }));

        Assert.Equal(400, (int)tooLong.StatusCode);
        Assert.Contains("400", body!["errors"]!["messages.ja[0].altText"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(400, (int)notText.StatusCode);
        Assert.NotNull(body2!["errors"]!["messages.ja[0].altText"]);
        Assert.Equal(0, await _h.Database.ScalarAsync<long>("SELECT COUNT(*) FROM broadcasts"));
    }

    [SkippableFact]
    public async Task Broadcast_ImageAltTextOfExactlyTheLimit_IsAccepted()
    {
        var id = await _h.CreateAsync(BroadcastHarness.Broadcast("volunteer", draft: true, messages: new()
        {
            ["ja"] = [Image(new string('あ', MessageCompiler.ImageAltTextLength))],
        }));

        var stored = JsonNode.Parse(await _h.Database.ScalarAsync<string>($"SELECT messages FROM broadcasts WHERE id = {id}"))!;
        Assert.Equal(MessageCompiler.ImageAltTextLength, stored["ja"]![0]!["altText"]!.GetValue<string>().Length);
    }

    private static object Image(string altText) => new { type = "image", originalContentUrl = Url, previewImageUrl = Url, altText };
}

public sealed class ImageAltTextTestsOnSqlite() : ImageAltTextTests("Sqlite");

public sealed class ImageAltTextTestsOnPostgres() : ImageAltTextTests("Postgres");

/// <summary>The composer's image slot carries the alt text there and back.</summary>
public class ComposerImageAltTextTests
{
    [Fact]
    public void ImageSlot_WithAltText_BecomesTheMessageAndReadsBackIntoTheSlot()
    {
        var slot = new MessageSlot { Type = "image", ImageUrl = " https://city.example.jp/a.png ", AltText = "地図\r\n駅から5分" };

        var json = slot.ToJson();
        var back = MessageSlot.From(json, TimeZoneInfo.Utc);

        Assert.Equal("地図\n駅から5分", json["altText"]!.GetValue<string>());
        Assert.Equal(("image", "https://city.example.jp/a.png", "地図\n駅から5分"), (back.Type, back.ImageUrl, back.AltText));
    }

    [Fact]
    public void ImageSlot_OnlyAltTextTyped_IsNotDropped()
    {
        Assert.False(new MessageSlot { Type = "image", AltText = "説明だけ" }.IsEmpty);
        Assert.Null(new MessageSlot { Type = "image", ImageUrl = "https://city.example.jp/a.png", AltText = "  " }.ToJson()["altText"]);
    }
}
