using OutreachBot.Line.Webhooks;

namespace OutreachBot.Line.Tests.Webhooks;

public class EventParsingTests
{
    private const string Php = "php/event-request-parser-body.json";
    private const string Python = "python/webhook-v3.json";

    [Fact]
    public void Parse_FollowAfterUnblock_ReadsIsUnblocked()
    {
        var follow = FixtureFiles.Event<FollowEvent>(Python, 6);

        Assert.True(follow.Follow!.IsUnblocked);
        Assert.Equal("nHuyWiB7yP5Zw52FIkcQobQuGDXCTA", follow.ReplyToken);
    }

    [Fact]
    public void Parse_FollowFromBeforeFollowDetail_LeavesItEmpty() =>
        Assert.Null(FixtureFiles.Event<FollowEvent>("java-callback/follow.json").Follow);

    [Fact]
    public void Parse_Unfollow_ReadsTheUser() =>
        Assert.Equal("u206d25c2ea6bd87c17655609a1c37cb8", Assert.IsType<UserSource>(FixtureFiles.Event<UnfollowEvent>("java-callback/unfollow.json").Source).UserId);

    [Fact]
    public void Parse_JoinAndLeave_ReadTheGroup()
    {
        var join = FixtureFiles.Event<JoinEvent>("java-callback/join.json");
        var leave = FixtureFiles.Event<LeaveEvent>("java-callback/leave.json");

        Assert.Equal("nHuyWiB7yP5Zw52FIkcQobQuGDXCTA", join.ReplyToken);
        Assert.Equal("cxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", Assert.IsType<GroupSource>(join.Source).GroupId);
        Assert.Equal("cxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", Assert.IsType<GroupSource>(leave.Source).GroupId);
    }

    [Fact]
    public void Parse_MemberJoined_ReadsEveryMember()
    {
        var joined = FixtureFiles.Event<MemberJoinedEvent>(Python, 19);

        Assert.Equal(["U4af4980629...", "U91eeaf62d9..."], joined.Joined.Members.Select(m => m.UserId));
        Assert.Equal("0f3779fba3b349968c5d07db31eabf65", joined.ReplyToken);
    }

    [Fact]
    public void Parse_MemberLeft_ReadsEveryMember() =>
        Assert.Equal("U111111", Assert.Single(FixtureFiles.Event<MemberLeftEvent>("java-callback/member_left.json").Left.Members).UserId);

    [Theory]
    [InlineData(10, null, null, "2017-12-25T01:00")]
    [InlineData(16, "2013-04-01", null, null)]
    [InlineData(17, null, "10:00", null)]
    [InlineData(18, null, null, "2013-04-01T10:00")]
    public void Parse_DatetimePickerPostback_ReadsTheChosenValue(int index, string? date, string? time, string? datetime)
    {
        var postback = FixtureFiles.Event<PostbackEvent>(Python, index).Postback;

        Assert.Equal("action=buyItem&itemId=123123&color=red", postback.Data);
        Assert.Equal(new PostbackParams { Date = date, Time = time, Datetime = datetime }, postback.Params);
    }

    [Fact]
    public void Parse_PostbackWithEmptyParams_HasNoParamValues() =>
        Assert.Equal(new PostbackParams(), FixtureFiles.Event<PostbackEvent>("java-callback/postback.json").Postback.Params);

    [Fact]
    public void Parse_PostbackWithoutParams_LeavesThemEmpty() =>
        Assert.Null(FixtureFiles.Event<PostbackEvent>(Php, 14).Postback.Params);

    [Fact]
    public void Parse_RichMenuSwitchPostback_ReadsAliasAndStatus()
    {
        const string json = """
            {"type":"postback","timestamp":1,"replyToken":"r","postback":{"data":"menu=2","params":{"newRichMenuAliasId":"richmenu-alias-b","status":"SUCCESS"}}}
            """;

        var parameters = Assert.IsType<PostbackEvent>(WebhookEventParser.Parse(json)).Postback.Params!;

        Assert.Equal("richmenu-alias-b", parameters.NewRichMenuAliasId);
        Assert.Equal("SUCCESS", parameters.Status);
    }

    [Fact]
    public void Parse_BeaconWithDeviceMessage_ReadsHwidTypeAndDm()
    {
        var beacon = FixtureFiles.Event<BeaconEvent>("java-callback/beacon_with_dm.json").Beacon;

        Assert.Equal(new BeaconContent { Hwid = "374591320", Type = BeaconEventType.Enter, Dm = "1234567890abcdef" }, beacon);
    }

    [Fact]
    public void Parse_BeaconWithoutDeviceMessage_LeavesDmEmpty() =>
        Assert.Null(FixtureFiles.Event<BeaconEvent>("java-callback/beacon.json").Beacon.Dm);

    [Theory]
    [InlineData(23, LinkResult.Ok, EventMode.Standby)]
    [InlineData(24, LinkResult.Failed, EventMode.Active)]
    public void Parse_AccountLink_ReadsResultAndNonce(int index, LinkResult result, EventMode mode)
    {
        var link = FixtureFiles.Event<AccountLinkEvent>(Php, index);

        Assert.Equal(new LinkContent { Result = result, Nonce = "1234567890abcdefghijklmnopqrstuvwxyz" }, link.Link);
        Assert.Equal(mode, link.Mode);
    }

    [Fact]
    public void Parse_Unsend_ReadsTheMessageId() =>
        Assert.Equal("325708", FixtureFiles.Event<UnsendEvent>("java-callback/unsend.json").Unsend.MessageId);

    [Fact]
    public void Parse_VideoPlayComplete_ReadsTheTrackingId() =>
        Assert.Equal("track_id", FixtureFiles.Event<VideoPlayCompleteEvent>("java-callback/video-play-complete.json").VideoPlayComplete.TrackingId);

    [Theory]
    [InlineData(43, typeof(JoinedMembershipContent))]
    [InlineData(44, typeof(LeftMembershipContent))]
    [InlineData(45, typeof(RenewedMembershipContent))]
    public void Parse_Membership_ReadsKindAndMembershipId(int index, Type kind)
    {
        var membership = FixtureFiles.Event<MembershipEvent>(Php, index);

        Assert.IsType(kind, membership.Membership);
        Assert.Equal(1234567890, membership.Membership.MembershipId);
        Assert.Equal("replytoken", membership.ReplyToken);
    }

    [Fact]
    public void Parse_ModuleAttached_ReadsBotAndScopes()
    {
        var attached = Assert.IsType<AttachedModuleContent>(FixtureFiles.Event<ModuleEvent>(Php, 41).Module);

        Assert.Equal("botid", attached.BotId);
        Assert.Equal(["a", "b"], attached.Scopes);
    }

    [Fact]
    public void Parse_ModuleDetached_ReadsBotAndReason() =>
        Assert.Equal(
            new DetachedModuleContent { BotId = "botid", Reason = DetachReason.BotDeleted },
            FixtureFiles.Event<ModuleEvent>(Php, 42).Module);

    [Fact]
    public void Parse_Activated_ReadsWhenControlExpires() =>
        Assert.Equal(1462629479860, FixtureFiles.Event<ActivatedEvent>(Php, 36).ChatControl.ExpireAt);

    [Fact]
    public void Parse_BotSuspendedAndResumed_HaveNoSource()
    {
        Assert.Null(FixtureFiles.Event<BotSuspendedEvent>(Php, 38).Source);
        Assert.Null(FixtureFiles.Event<BotResumedEvent>(Php, 39).Source);
        Assert.IsType<DeactivatedEvent>(FixtureFiles.Event(Php, 37));
    }

    [Fact]
    public void Parse_DeliveryCompletion_ReadsTheDeliveryData() =>
        Assert.Equal("deliverydata", FixtureFiles.Event<PnpDeliveryCompletionEvent>(Php, 40).Delivery.Data);

    [Fact]
    public void Parse_Redelivery_ReadsTheFlagAndId()
    {
        var parsed = FixtureFiles.Event<MessageEvent>("java-callback/webhook-redelivery.json");

        Assert.True(parsed.IsRedelivery);
        Assert.Equal(new DeliveryContext { IsRedelivery = true }, parsed.DeliveryContext);
        Assert.Equal("01G2KZKG2DS765NMRH3GZFD8AP", parsed.WebhookEventId);
    }

    [Fact]
    public void Parse_OldEventWithoutModeIdOrContext_ReadsAsUnknownModeAndNoId()
    {
        var parsed = FixtureFiles.Event<MessageEvent>("java-parser/callback-request.json");

        Assert.Equal(EventMode.Unknown, parsed.Mode);
        Assert.Null(parsed.WebhookEventId);
        Assert.Null(parsed.DeliveryContext);
        Assert.False(parsed.IsRedelivery);
    }

    [Fact]
    public void Parse_ThingsLink_ReadsDevice()
    {
        const string json = """
            {"type":"things","timestamp":1,"mode":"active","replyToken":"r","source":{"type":"user","userId":"U1"},"things":{"deviceId":"t2c449c9d1","type":"link"}}
            """;

        var things = Assert.IsType<ThingsEvent>(WebhookEventParser.Parse(json)).Things;

        Assert.Equal(new ThingsContent { DeviceId = "t2c449c9d1", Type = ThingsEventType.Link }, things);
    }

    [Fact]
    public void Parse_ThingsScenarioResult_ReadsTheResult()
    {
        const string json = """
            {"type":"things","timestamp":1,"replyToken":"r","things":{"deviceId":"d","type":"scenarioResult","result":{
              "scenarioId":"dummy_scenario_id","revision":2,"startTime":1547817845950,"endTime":1547817845952,"resultCode":"success",
              "bleNotificationPayload":"AQ==","actionResults":[{"type":"binary","data":"/w=="}]}}}
            """;

        var things = Assert.IsType<ThingsEvent>(WebhookEventParser.Parse(json)).Things;

        Assert.Equal(ThingsEventType.ScenarioResult, things.Type);
        Assert.Equal("dummy_scenario_id", things.Result!.ScenarioId);
        Assert.Equal(2, things.Result.Revision);
        Assert.Equal("success", things.Result.ResultCode);
        Assert.Equal(new ThingsActionResult { Type = "binary", Data = "/w==" }, Assert.Single(things.Result.ActionResults!));
    }
}
