using OutreachBot.Line.Webhooks;

namespace OutreachBot.Line.Tests.Webhooks;

public class MessageContentParsingTests
{
    [Fact]
    public void Parse_TextFromUser_ReadsTextReplyTokenModeAndSender()
    {
        var parsed = FixtureFiles.Event<MessageEvent>("java-callback/text-user.json");

        var text = Assert.IsType<TextMessageContent>(parsed.Message);
        Assert.Equal("Hello, world", text.Text);
        Assert.Equal("325708", text.Id);
        Assert.Null(text.QuoteToken);
        Assert.Equal("nHuyWiB7yP5Zw52FIkcQobQuGDXCTA", parsed.ReplyToken);
        Assert.Equal(EventMode.Active, parsed.Mode);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1462629479859), parsed.OccurredAt);
        Assert.Equal("u206d25c2ea6bd87c17655609a1c37cb8", Assert.IsType<UserSource>(parsed.Source).UserId);
    }

    [Fact]
    public void Parse_TextInStandbyGroup_ReadsModeAndGroup()
    {
        var parsed = FixtureFiles.Event<MessageEvent>("java-callback/text-group.json");

        Assert.Equal(EventMode.Standby, parsed.Mode);
        Assert.Equal("u206d25c2ea6bd87c17655609a1c37cb8", Assert.IsType<GroupSource>(parsed.Source).GroupId);
    }

    [Fact]
    public void Parse_TextInRoom_ReadsRoomAndSender()
    {
        var room = Assert.IsType<RoomSource>(FixtureFiles.Event("python/webhook-v3.json", 15).Source);

        Assert.Equal("Ra8dbf4673c4c812cd491258042226c99", room.RoomId);
        Assert.Equal("U206d25c2ea6bd87c17655609a1c37cb8", room.UserId);
    }

    [Fact]
    public void Parse_TextWithQuoteToken_ReadsIt() =>
        Assert.Equal("quoteToken", FixtureFiles.Message<TextMessageContent>("python/webhook-v3.json").QuoteToken);

    [Fact]
    public void Parse_TextWithEmoji_ReadsEachEmoji()
    {
        var emoji = Assert.Single(FixtureFiles.Message<TextMessageContent>("java-callback/text-emojis.json").Emojis!);

        Assert.Equal(new Emoji { Index = 14, Length = 6, ProductId = "5ac1bfd5040ab15980c9b435", EmojiId = "001" }, emoji);
    }

    [Fact]
    public void Parse_TextWithMentions_ReadsUserAndAllMentionees()
    {
        var mentionees = FixtureFiles.Message<TextMessageContent>("java-callback/text-mention.json").Mention!.Mentionees;

        Assert.Collection(
            mentionees,
            m => Assert.Equal(new UserMentionee { Index = 13, Length = 6, UserId = "U12345678901234567890123456780" }, m),
            m => Assert.Equal(new AllMentionee { Index = 24, Length = 5 }, m));
    }

    [Fact]
    public void Parse_ExternalImage_ReadsProviderUrls()
    {
        var image = FixtureFiles.Message<ImageMessageContent>("java-callback/image.json");

        Assert.Equal(ContentProviderType.External, image.ContentProvider!.Type);
        Assert.Equal(new Uri("https://example.com/original.jpg"), image.ContentProvider.OriginalContentUrl);
        Assert.Equal(new Uri("https://example.com/preview.jpg"), image.ContentProvider.PreviewImageUrl);
        Assert.Null(image.ImageSet);
    }

    [Fact]
    public void Parse_ImageInASet_ReadsSetAndLineProvider()
    {
        var image = FixtureFiles.Message<ImageMessageContent>("python/webhook-v3.json", 24);

        Assert.Equal(new ImageSet { Id = "E005D41A7288F41B655", Index = 2, Total = 2 }, image.ImageSet);
        Assert.Equal(ContentProviderType.Line, image.ContentProvider!.Type);
        Assert.Null(image.ContentProvider.OriginalContentUrl);
    }

    [Fact]
    public void Parse_ImageSetWithoutIndex_LeavesIndexAndTotalEmpty() =>
        Assert.Equal(
            new ImageSet { Id = "E005D41A7288F41B65593ED38FF6E9834B046AB36A37921A56BC236F13A91855" },
            FixtureFiles.Message<ImageMessageContent>("php/event-request-parser-body.json", 34).ImageSet);

    [Fact]
    public void Parse_ImageWithoutProvider_LeavesItEmpty() =>
        Assert.Null(FixtureFiles.Message<ImageMessageContent>(FixtureFiles.BodyWithoutDestination, 1).ContentProvider);

    [Fact]
    public void Parse_Video_ReadsDurationAndProvider()
    {
        var video = FixtureFiles.Message<VideoMessageContent>("java-callback/video.json");

        Assert.Equal(60000, video.Duration);
        Assert.Equal(new Uri("https://example.com/original.mp4"), video.ContentProvider!.OriginalContentUrl);
    }

    [Fact]
    public void Parse_Audio_ReadsDurationAndProvider()
    {
        var audio = FixtureFiles.Message<AudioMessageContent>("php/event-request-parser-body.json", 2);

        Assert.Equal(10000, audio.Duration);
        Assert.Equal(new Uri("https://example.com/test.m4a"), audio.ContentProvider!.OriginalContentUrl);
    }

    [Fact]
    public void Parse_File_ReadsNameAndSize()
    {
        var file = FixtureFiles.Message<FileMessageContent>("java-callback/file.json");

        Assert.Equal("sample.pdf", file.FileName);
        Assert.Equal(22016, file.FileSize);
    }

    [Fact]
    public void Parse_Location_ReadsTitleAddressAndCoordinates()
    {
        var location = FixtureFiles.Message<LocationMessageContent>("java-callback/location.json");

        Assert.Equal("hello", location.Title);
        Assert.Equal("〒150-0002 東京都渋谷区渋谷２丁目２１−１", location.Address);
        Assert.Equal(35.65910807942215, location.Latitude);
        Assert.Equal(139.70372892916203, location.Longitude);
    }

    [Fact]
    public void Parse_LocationWithoutTitle_LeavesTitleEmpty()
    {
        var location = FixtureFiles.Message<LocationMessageContent>("php/event-request-parser-body.json", 6);

        Assert.Null(location.Title);
        Assert.Equal("tokyo", location.Address);
    }

    [Fact]
    public void Parse_StickerWithKeywords_ReadsIdsResourceTypeAndKeywords()
    {
        var sticker = FixtureFiles.Message<StickerMessageContent>("java-callback/sticker.json");

        Assert.Equal("1", sticker.PackageId);
        Assert.Equal("1", sticker.StickerId);
        Assert.Equal(StickerResourceType.Static, sticker.StickerResourceType);
        Assert.Equal(["bed", "sleep", "bedtime"], sticker.Keywords);
        Assert.Null(sticker.Text);
    }

    [Fact]
    public void Parse_StickerWithoutKeywords_LeavesThemEmpty() =>
        Assert.Null(FixtureFiles.Message<StickerMessageContent>("java-callback/sticker-keywords-remove.json").Keywords);

    [Fact]
    public void Parse_MessageSticker_ReadsTheTextTheUserTyped()
    {
        var sticker = FixtureFiles.Message<StickerMessageContent>("java-callback/sticker-with-text.json");

        Assert.Equal(StickerResourceType.Message, sticker.StickerResourceType);
        Assert.Equal("userEnteredText", sticker.Text);
    }

    [Fact]
    public void Parse_StickerWithoutResourceType_IsUnknownResourceType() =>
        Assert.Equal(StickerResourceType.Unknown, FixtureFiles.Message<StickerMessageContent>(FixtureFiles.BodyWithoutDestination, 5).StickerResourceType);

    [Fact]
    public void Parse_QuotingMessageWithMarkAsReadToken_ReadsBoth()
    {
        const string json = """
            {"type":"message","timestamp":1,"message":{"type":"text","id":"2","text":"yes","quoteToken":"q2","quotedMessageId":"1","markAsReadToken":"m2"}}
            """;

        var text = Assert.IsType<TextMessageContent>(Assert.IsType<MessageEvent>(WebhookEventParser.Parse(json)).Message);

        Assert.Equal("1", text.QuotedMessageId);
        Assert.Equal("m2", text.MarkAsReadToken);
    }

    [Fact]
    public void Parse_MessageEdited_ReadsTheEditedText()
    {
        var edited = FixtureFiles.Event<MessageEditedEvent>("java-callback/message-edited.json");

        Assert.Equal("Hello, edited world", Assert.IsType<TextMessageContent>(edited.Message).Text);
        Assert.Equal("01G2KZKG2DS765NMRH3GZFD8AP", edited.WebhookEventId);
        Assert.False(edited.IsRedelivery);
        Assert.Equal("nHuyWiB7yP5Zw52FIkcQobQuGDXCTA", edited.ReplyToken);
        var group = Assert.IsType<GroupSource>(edited.Source);
        Assert.Equal("u206d25c2ea6bd87c17655609a1c37cb8", group.UserId);
    }
}
