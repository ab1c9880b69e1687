using OutreachBot.LineEmulator.Meta;
using OutreachBot.Meta;
using OutreachBot.Tests.Broadcasts;

namespace OutreachBot.Tests.Meta;

/// <summary>A broadcast with the instagram channel goes through a container, within Instagram's limits, exactly once.</summary>
public abstract class InstagramPublishingTests(string provider) : SocialHarness(provider)
{
    [SkippableFact]
    public async Task Image_IsPublishedThroughAFinishedContainer_WithTheTextAsCaption()
    {
        var id = await H.CreateAsync(SocialBroadcast(["instagram"], BroadcastHarness.Text("#市民活動 講座のお知らせ"), Image()));

        var post = await WaitForChannelAsync(id, "instagram", SocialStatus.Published);

        var media = Assert.Single(Meta.Media);
        Assert.Equal("#市民活動 講座のお知らせ", media.Caption);
        Assert.Equal(media.Id, post["postId"]!.GetValue<string>());
        Assert.Equal(media.Permalink, post["url"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Create_WithoutAnImage_400SayingInstagramNeedsOne()
    {
        var (response, json) = await H.PostAsync("/api/v1/broadcasts", SocialBroadcast(["instagram"]));

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("Instagram", json!["errors"]!["channels"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Create_With31Hashtags_400()
    {
        var caption = string.Concat(Enumerable.Range(0, 31).Select(i => $"#tag{i} "));

        var (response, _) = await H.PostAsync("/api/v1/broadcasts", SocialBroadcast(["instagram"], BroadcastHarness.Text(caption), Image()));

        Assert.Equal(400, (int)response.StatusCode);
    }

    [SkippableFact]
    public async Task AnswerLostAfterMediaPublish_TheContainerSaysPublished_NeverPublishedTwice()
    {
        H.Line.MetaFaults.Add(new MetaFault { Kind = "timeout-after-publish", Path = "/media_publish", DelayMilliseconds = 4000 });

        var id = await H.CreateAsync(SocialBroadcast(["instagram"], BroadcastHarness.Text("講座"), Image()));
        var post = await WaitForChannelAsync(id, "instagram", SocialStatus.Published);

        Assert.Equal(Assert.Single(Meta.Media).Id, post["postId"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task PublishingLimitReached_ThePostWaitsAndStaffSeeWhy()
    {
        Accounts.InstagramQuotaTotal = 0;

        var id = await H.CreateAsync(SocialBroadcast(["instagram"], BroadcastHarness.Text("講座"), Image()));
        var post = await WaitForReasonAsync(id);

        Assert.Equal(SocialStatus.Pending, post["status"]!.GetValue<string>());
        Assert.Contains("24時間に0件", post["reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(Meta.Media);
    }

    [SkippableFact]
    public async Task NotAJpeg_FailsWithMetasMessage()
    {
        var id = await H.CreateAsync(SocialBroadcast(["instagram"], BroadcastHarness.Text("講座"), Image("sample.png")));

        var post = await WaitForChannelAsync(id, "instagram", SocialStatus.Failed);

        Assert.Contains("JPEG", post["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(Meta.Media);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> WaitForReasonAsync(long id)
    {
        for (var i = 0; i < 400; i++)
        {
            var post = (await H.GetAsync(id))["channels"]!["instagram"]!;
            if (post["reason"]?.GetValue<string>() is { } reason && reason.Contains("上限", StringComparison.Ordinal))
            {
                return post;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The post never said it waits for Instagram's limit.");
    }
}

public sealed class InstagramPublishingTestsOnSqlite() : InstagramPublishingTests("Sqlite");

public sealed class InstagramPublishingTestsOnPostgres() : InstagramPublishingTests("Postgres");
