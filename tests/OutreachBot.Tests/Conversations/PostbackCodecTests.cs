using OutreachBot.Conversations;
using OutreachBot.Line.Messaging;

namespace OutreachBot.Tests.Conversations;

public class PostbackCodecTests
{
    public static TheoryData<Command> EveryCommand =>
    [
        new Command.ShowMenu(), new Command.ShowHelp(), new Command.ShowLanguages(), new Command.ChooseLanguage("pt-BR"),
        new Command.ChooseLanguage("ja-easy"), new Command.ShowTopics(3), new Command.Subscribe(12), new Command.Unsubscribe(999_999_999_999),
        new Command.ShowSubscriptions(), new Command.StopAll(), new Command.ConfirmStopAll(1_767_225_600), new Command.CancelStopAll(),
        new Command.KeepSubscriptions(), new Command.DropSubscriptions(1_767_225_600), new Command.ShowEvents(1000), new Command.Remind(7),
        new Command.StopReminding(7), new Command.Ask(),
    ];

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public void Decode_WhatEncodeWrites_SameCommandAndShort(Command command)
    {
        var data = PostbackCodec.Encode(command);

        Assert.StartsWith("v1|", data);
        Assert.True(data.Length <= 40 && data.Length <= LineLimits.PostbackData);
        Assert.Equal(command, PostbackCodec.Decode(data));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1|")]
    [InlineData("v1|sub|0")]
    [InlineData("v1|sub|1.5")]
    [InlineData("v1|sub|１")]
    [InlineData("v1|topics|1001")]
    [InlineData("v1|lang|fr")]
    [InlineData("v1|ask|now")]
    [InlineData("v0|menu")]
    [InlineData("menu")]
    public void Decode_NotWhatEncodeWrites_Null(string? data) => Assert.Null(PostbackCodec.Decode(data));
}
