using OutreachBot.Conversations;
using OutreachBot.Resources;

namespace OutreachBot.Tests.Conversations;

public class TextCommandsTests
{
    private static readonly TextCommands Commands = new(TextCatalog.Load());

    [Theory]
    [InlineData("メニュー")]
    [InlineData("menu")]
    [InlineData("ＭＥＮＵ")]
    [InlineData("ｍｅｎｕ")]
    [InlineData("MeNu")]
    [InlineData("ﾒﾆｭｰ")]
    [InlineData("  メニュー　")]
    [InlineData("メニュー。")]
    [InlineData("menu!")]
    [InlineData("めにゅー")]
    [InlineData("菜单")]
    [InlineData("메뉴")]
    public void Match_MenuInAnyWidthCaseOrLanguage_ShowMenu(string text) => Assert.IsType<Command.ShowMenu>(Commands.Match(text));

    [Theory]
    [InlineData("登録", typeof(Command.ShowTopics))]
    [InlineData("Topics", typeof(Command.ShowTopics))]
    [InlineData("đăng ký", typeof(Command.ShowTopics))]
    [InlineData("解除", typeof(Command.ShowSubscriptions))]
    [InlineData("my  topics", typeof(Command.ShowSubscriptions))]
    [InlineData("配信停止", typeof(Command.StopAll))]
    [InlineData("STOP", typeof(Command.StopAll))]
    [InlineData("イベント", typeof(Command.ShowEvents))]
    [InlineData("ｲﾍﾞﾝﾄ", typeof(Command.ShowEvents))]
    [InlineData("ヘルプ", typeof(Command.ShowHelp))]
    [InlineData("？", typeof(Command.ShowHelp))]
    [InlineData("言語", typeof(Command.ShowLanguages))]
    [InlineData("Language", typeof(Command.ShowLanguages))]
    [InlineData("idioma", typeof(Command.ShowLanguages))]
    [InlineData("相談", typeof(Command.Ask))]
    public void Match_Command_Recognised(string text, Type command) => Assert.IsType(command, Commands.Match(text));

    [Theory]
    [InlineData("メニューを見たい")]
    [InlineData("登録したい")]
    [InlineData("stopp")]
    [InlineData("")]
    [InlineData("😀")]
    public void Match_NotExactlyACommand_Null(string text) => Assert.Null(Commands.Match(text));

    [Theory]
    [InlineData("駐車場はありますか", true)]
    [InlineData("ok", true)]
    [InlineData("1日", true)]
    [InlineData("あ", false)]
    [InlineData("😀😀😀", false)]
    [InlineData("!!!???", false)]
    [InlineData("👍🏽 ", false)]
    [InlineData("", false)]
    public void SaysSomething_LettersOrDigits_TwoOrMore(string text, bool expected) => Assert.Equal(expected, TextCommands.SaysSomething(text));

    [Fact]
    public void Words_EveryLanguage_NoWordMeansTwoCommands() => Assert.NotEmpty(Commands.Words);
}
