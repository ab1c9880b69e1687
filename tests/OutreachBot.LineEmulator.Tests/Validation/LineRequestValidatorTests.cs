using System.Text.Json;
using OutreachBot.Line.Messaging;
using OutreachBot.Line.Tests.Messaging;
using OutreachBot.LineEmulator.Validation;

namespace OutreachBot.LineEmulator.Tests.Validation;

public sealed class LineRequestValidatorTests
{
    private static readonly LineRequestValidator Validator = LineRequestValidator.Default;

    public static TheoryData<string, Message> ValidMessages => SampleMessages.ValidMessages();

    private static IReadOnlyList<LineValidationError> ValidatePush(params Message[] messages)
    {
        using var document = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(
            new PushMessageRequest("U4af4980629", messages), LineJsonContext.Default.PushMessageRequest));
        return Validator.Validate("PushMessageRequest", document.RootElement);
    }

    private static IReadOnlyList<LineValidationError> ValidateJson(string schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        return Validator.Validate(schema, document.RootElement);
    }

    private static void AssertFailsAt(IReadOnlyList<LineValidationError> errors, string property)
    {
        Assert.True(errors.Any(e => e.Property == property), $"Expected an error at {property}; got: {string.Join("; ", errors)}");
    }

    [Theory]
    [MemberData(nameof(ValidMessages))]
    public void ValidateMessage_ValidMessageOfEachKind_HasNoErrors(string kind, Message message)
    {
        var errors = Validator.ValidateMessage(message);

        Assert.True(errors.Count == 0, $"{kind}: {string.Join("; ", errors)}");
    }

    [Fact]
    public void Validate_PushOfFiveValidMessages_HasNoErrors()
    {
        Assert.Empty(ValidatePush([.. ValidMessages.Take(5).Select(row => (Message)row[1])]));
    }

    [Fact]
    public void Validate_TextOf5000Units_Passes()
    {
        Assert.Empty(ValidatePush(new TextMessage(new string('あ', 5000))));
    }

    [Fact]
    public void Validate_TextOver5000Units_FailsAtMessageText()
    {
        AssertFailsAt(ValidatePush(new TextMessage("x"), new TextMessage(new string('あ', 5001))), "messages[1].text");
    }

    [Fact]
    public void Validate_TextOf5000EscapedUnits_PassesThoughItsJsonIsLonger()
    {
        var newlines = string.Concat(Enumerable.Repeat("\\n", 5000));

        Assert.Empty(ValidateJson("PushMessageRequest", $$"""{"to":"U1","messages":[{"type":"text","text":"{{newlines}}"}]}"""));
    }

    [Fact]
    public void Validate_TextOf2501Emoji_FailsAsTwoUnitsEach()
    {
        AssertFailsAt(ValidatePush(new TextMessage(string.Concat(Enumerable.Repeat("😀", 2501)))), "messages[0].text");
        Assert.Empty(ValidatePush(new TextMessage(string.Concat(Enumerable.Repeat("😀", 2500)))));
    }

    [Fact]
    public void Validate_EscapedPropertyName_IsCheckedUnderItsName()
    {
        var errors = ValidateJson("PushMessageRequest", """{"to":"U1","messages":[{"type":"text","t\u0065xt":5}]}""");

        AssertFailsAt(errors, "messages[0].text");
    }

    [Fact]
    public void Validate_SixMessages_FailsAtMessages()
    {
        var errors = ValidatePush([.. Enumerable.Range(0, 6).Select(i => new TextMessage($"m{i}"))]);

        AssertFailsAt(errors, "messages");
        Assert.Contains(errors, e => e.Message.Contains("between 1 and 5", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_FourteenQuickReplyItems_FailsAtQuickReplyItems()
    {
        var quickReply = QuickReply.Of(Enumerable.Range(0, 14).Select(i => (LineAction)new MessageAction($"{i}", $"{i}")));

        AssertFailsAt(ValidatePush(TextMessage.Create("choose", quickReply)), "messages[0].quickReply.items");
    }

    [Fact]
    public void Validate_ThirteenBubbles_FailsAtCarouselContents()
    {
        var carousel = new FlexCarousel([.. Enumerable.Range(0, 13).Select(i => SampleMessages.Bubble($"{i}"))]);

        AssertFailsAt(ValidatePush(new FlexMessage("alt", carousel)), "messages[0].contents.contents");
    }

    [Fact]
    public void Validate_QuickReplyLabelOver20_FailsAtActionLabel()
    {
        var quickReply = QuickReply.Of(new MessageAction(new string('a', 21), "ok"));

        AssertFailsAt(ValidatePush(TextMessage.Create("x", quickReply)), "messages[0].quickReply.items[0].action.label");
    }

    [Fact]
    public void Validate_SecondQuickReplyLabelOver20_FailsAtThatItemOnly()
    {
        var quickReply = QuickReply.Of(new MessageAction("ok", "ok"), new MessageAction(new string('a', 21), "ok"));

        var errors = ValidatePush(new TextMessage("x"), TextMessage.Create("x", quickReply));

        Assert.Equal(["messages[1].quickReply.items[1].action.label"], errors.Select(e => e.Property));
    }

    [Fact]
    public void Validate_LongLabelInSecondBubblesFooter_FailsWithItsFullPath()
    {
        var footer = new FlexBubble { Footer = FlexBox.Vertical(new FlexButton(new MessageAction(new string('a', 41), "x"))) };
        var carousel = new FlexCarousel([SampleMessages.Bubble("first"), footer]);

        var errors = ValidatePush(new FlexMessage("alt", carousel));

        Assert.Equal(["messages[0].contents.contents[1].footer.contents[0].action.label"], errors.Select(e => e.Property));
    }

    [Fact]
    public void Validate_FlexButtonLabelOf40_PassesAndOf41_Fails()
    {
        static FlexMessage WithLabel(int length) => new("alt", new FlexBubble
        {
            Body = FlexBox.Vertical(new FlexButton(new PostbackAction(new string('a', length), "x"))),
        });

        Assert.Empty(ValidatePush(WithLabel(40)));
        AssertFailsAt(ValidatePush(WithLabel(41)), "messages[0].contents.body.contents[0].action.label");
    }

    [Fact]
    public void Validate_UnknownMessageType_FailsAtTypeNamingTheKnownTypes()
    {
        var errors = ValidateJson("PushMessageRequest", """{"to":"U1","messages":[{"type":"hologram","text":"x"}]}""");

        AssertFailsAt(errors, "messages[0].type");
        Assert.Contains(errors, e => e.Message.Contains("text, textV2, sticker", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_StickerWithoutStickerId_FailsAtMissingField()
    {
        var errors = ValidateJson("PushMessageRequest", """{"to":"U1","messages":[{"type":"sticker","packageId":"446"}]}""");

        AssertFailsAt(errors, "messages[0].stickerId");
        Assert.Single(errors);
    }

    [Fact]
    public void Validate_PushWithoutTo_FailsAtTo()
    {
        AssertFailsAt(ValidateJson("PushMessageRequest", """{"messages":[{"type":"text","text":"x"}]}"""), "to");
    }

    [Fact]
    public void Validate_AltTextOver1500_FailsAtAltText()
    {
        AssertFailsAt(ValidatePush(new FlexMessage(new string('a', 1501), SampleMessages.Bubble())), "messages[0].altText");
    }

    [Fact]
    public void Validate_CarouselInsideCarousel_FailsAtInnerType()
    {
        const string json = """
            {"to":"U1","messages":[{"type":"flex","altText":"a","contents":{"type":"carousel","contents":[{"type":"carousel","contents":[]}]}}]}
            """;

        AssertFailsAt(ValidateJson("PushMessageRequest", json), "messages[0].contents.contents[0].type");
    }

    [Fact]
    public void Validate_WrongEnumAndWrongType_FailWithPaths()
    {
        const string json = """
            {"to":"U1","messages":[{"type":"flex","altText":"a","contents":{"type":"bubble","body":{"type":"box","layout":"diagonal","contents":[{"type":"text","text":5}]}}}]}
            """;

        var errors = ValidateJson("PushMessageRequest", json);

        AssertFailsAt(errors, "messages[0].contents.body.layout");
        AssertFailsAt(errors, "messages[0].contents.body.contents[0].text");
    }

    [Fact]
    public void Validate_ButtonsTemplateWithFiveActions_FailsAtActions()
    {
        var buttons = new ButtonsTemplate("text", [.. Enumerable.Range(0, 5).Select(i => (LineAction)new MessageAction($"{i}", $"{i}"))]);

        AssertFailsAt(ValidatePush(new TemplateMessage("alt", buttons)), "messages[0].template.actions");
    }

    [Fact]
    public void Validate_PostbackDataOver300_FailsAtData()
    {
        var quickReply = QuickReply.Of(new PostbackAction("x", new string('d', 301)));

        AssertFailsAt(ValidatePush(TextMessage.Create("x", quickReply)), "messages[0].quickReply.items[0].action.data");
    }

    [Fact]
    public void Validate_MulticastTo501_FailsAtTo()
    {
        var to = string.Join(",", Enumerable.Range(0, 501).Select(i => $"\"U{i}\""));

        AssertFailsAt(ValidateJson("MulticastRequest", $$"""{"to":[{{to}}],"messages":[{"type":"text","text":"x"}]}"""), "to");
    }

    [Fact]
    public void Validate_LoadingSecondsNotMultipleOfFiveOrOver60_Fails()
    {
        AssertFailsAt(ValidateJson("ShowLoadingAnimationRequest", """{"chatId":"U1","loadingSeconds":7}"""), "loadingSeconds");
        AssertFailsAt(ValidateJson("ShowLoadingAnimationRequest", """{"chatId":"U1","loadingSeconds":65}"""), "loadingSeconds");
    }

    [Fact]
    public void Validate_RichMenuWith21AreasAndBadAlias_Fail()
    {
        var area = """{"bounds":{"x":0,"y":0,"width":100,"height":100},"action":{"type":"message","label":"a","text":"a"}}""";
        var areas = string.Join(",", Enumerable.Repeat(area, 21));
        var menu = $$"""{"size":{"width":2500,"height":843},"selected":false,"name":"m","chatBarText":"メニュー","areas":[{{areas}}]}""";

        AssertFailsAt(ValidateJson("RichMenuRequest", menu), "areas");
        AssertFailsAt(ValidateJson("CreateRichMenuAliasRequest", """{"richMenuAliasId":"Bad Alias!","richMenuId":"r"}"""), "richMenuAliasId");
    }
}
