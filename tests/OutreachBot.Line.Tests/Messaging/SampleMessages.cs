using OutreachBot.Line.Messaging;

namespace OutreachBot.Line.Tests.Messaging;

/// <summary>One valid message of each kind the bot sends, built with the client's records.</summary>
public static class SampleMessages
{
    public static QuickReply AllQuickReplyActions() => QuickReply.Of(
        new PostbackAction("参加する", "action=join&event=42") { DisplayText = "参加します" },
        new MessageAction("ヘルプ", "ヘルプ"),
        new UriAction("サイト", "https://example.jp/events"),
        new DatetimePickerAction("日付", "action=date", DatetimePickerMode.Date) { Initial = "2025-04-01" },
        new CameraAction("カメラ"),
        new CameraRollAction("写真"),
        new LocationAction("位置情報"),
        new RichMenuSwitchAction("メニュー", "menu-b", "switch=b"));

    public static FlexBubble Bubble(string title = "市民活動フェア") => new()
    {
        Hero = new FlexImage("https://example.jp/hero.png") { Size = FlexSize.Full, AspectRatio = "20:13", AspectMode = "cover" },
        Body = FlexBox.Vertical(
            new FlexText(title) { Weight = FlexWeight.Bold, Size = FlexSize.ExtraLarge, Wrap = true },
            FlexBox.Baseline(new FlexIcon("https://example.jp/pin.png"), new FlexText("市民会館 2F") { Size = FlexSize.Small }),
            new FlexSeparator { Margin = FlexSize.Medium },
            new FlexText(null) { Contents = [new FlexSpan("4月1日") { Weight = FlexWeight.Bold }, new FlexSpan(" 10:00〜")] },
            new FlexFiller()) with { Spacing = FlexSize.Small },
        Footer = FlexBox.Vertical(
            new FlexButton(new PostbackAction("申し込む", "action=apply&event=42")) { Style = FlexButtonStyle.Primary }),
    };

    public static TheoryData<string, Message> ValidMessages() => new()
    {
        { "text", TextMessage.Create("こんにちは $", AllQuickReplyActions()) with { Emojis = [new Emoji(6, "5ac1bfd5040ab15980c9b435", "001")] } },
        { "sticker", new StickerMessage("446", "1988") },
        { "image", new ImageMessage("https://example.jp/a.jpg", "https://example.jp/a-preview.jpg") },
        { "video", new VideoMessage("https://example.jp/a.mp4", "https://example.jp/a.jpg") { TrackingId = "track-1" } },
        { "audio", new AudioMessage("https://example.jp/a.m4a", 60000) },
        { "location", new LocationMessage("市役所", "東京都千代田区1-1", 35.6895, 139.6917) { Sender = new Sender("市民活動センター") } },
        { "imagemap", new ImagemapMessage("https://example.jp/imagemap", "地図", new ImagemapBaseSize(1040, 1040),
            [new UriImagemapAction(new ImagemapArea(0, 0, 520, 1040), "https://example.jp"), new MessageImagemapAction(new ImagemapArea(520, 0, 520, 1040), "右")]) },
        { "buttons", new TemplateMessage("お知らせ", new ButtonsTemplate("イベントのお知らせです", [new PostbackAction("詳細", "a=1"), new UriAction("地図", "https://example.jp/map")]) { Title = "お知らせ" }) },
        { "confirm", new TemplateMessage("確認", new ConfirmTemplate("登録しますか?", [new MessageAction("はい", "はい"), new MessageAction("いいえ", "いいえ")])) },
        { "carousel", new TemplateMessage("一覧", new CarouselTemplate([
            new CarouselColumn("1つ目", [new PostbackAction("選ぶ", "c=1")]) { Title = "A" },
            new CarouselColumn("2つ目", [new PostbackAction("選ぶ", "c=2")]) { Title = "B" }])) },
        { "image carousel", new TemplateMessage("写真", new ImageCarouselTemplate([new ImageCarouselColumn("https://example.jp/1.jpg", new UriAction("見る", "https://example.jp/1"))])) },
        { "flex bubble", new FlexMessage("イベント", Bubble()) },
        { "flex carousel", new FlexMessage("イベント一覧", new FlexCarousel([.. Enumerable.Range(1, 12).Select(i => Bubble($"イベント {i}"))])) },
        { "raw", RawMessage.Parse("""{"type":"text","text":"staff wrote this","quickReply":{"items":[{"type":"action","action":{"type":"message","label":"OK","text":"OK"}}]}}""") },
    };
}
