using System.Text.Json.Serialization;

namespace OutreachBot.Line.Messaging;

/// <summary>An action object (<c>Action</c> in messaging-api.yml): what a tap on a button, area or quick reply does.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PostbackAction), "postback")]
[JsonDerivedType(typeof(MessageAction), "message")]
[JsonDerivedType(typeof(UriAction), "uri")]
[JsonDerivedType(typeof(DatetimePickerAction), "datetimepicker")]
[JsonDerivedType(typeof(CameraAction), "camera")]
[JsonDerivedType(typeof(CameraRollAction), "cameraRoll")]
[JsonDerivedType(typeof(LocationAction), "location")]
[JsonDerivedType(typeof(RichMenuSwitchAction), "richmenuswitch")]
[JsonDerivedType(typeof(ClipboardAction), "clipboard")]
/// <param name="Label">Shown on the button: at most 20 characters (quick reply, template), 40 on a Flex button, 12 in an image carousel.</param>
public abstract record LineAction(string? Label);

/// <param name="Data">Returned in the postback event; at most 300 characters.</param>
public sealed record PostbackAction(string? Label, string Data) : LineAction(Label)
{
    public string? DisplayText { get; init; }

    public PostbackInputOption? InputOption { get; init; }

    public string? FillInText { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<PostbackInputOption>))]
public enum PostbackInputOption
{
    [JsonStringEnumMemberName("closeRichMenu")] CloseRichMenu,
    [JsonStringEnumMemberName("openRichMenu")] OpenRichMenu,
    [JsonStringEnumMemberName("openKeyboard")] OpenKeyboard,
    [JsonStringEnumMemberName("openVoice")] OpenVoice,
}

/// <summary>Sends <paramref name="Text"/> as if the user typed it (at most 300 characters).</summary>
public sealed record MessageAction(string? Label, string Text) : LineAction(Label);

/// <summary>Opens <paramref name="Uri"/> (http, https, line or tel; at most 1,000 characters).</summary>
public sealed record UriAction(string? Label, string Uri) : LineAction(Label)
{
    public AltUri? AltUri { get; init; }
}

public sealed record AltUri(string Desktop);

public sealed record DatetimePickerAction(string? Label, string Data, DatetimePickerMode Mode) : LineAction(Label)
{
    public string? Initial { get; init; }

    public string? Max { get; init; }

    public string? Min { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<DatetimePickerMode>))]
public enum DatetimePickerMode
{
    [JsonStringEnumMemberName("date")] Date,
    [JsonStringEnumMemberName("time")] Time,
    [JsonStringEnumMemberName("datetime")] Datetime,
}

/// <summary>Quick reply only.</summary>
public sealed record CameraAction(string Label) : LineAction(Label);

/// <summary>Quick reply only.</summary>
public sealed record CameraRollAction(string Label) : LineAction(Label);

/// <summary>Quick reply only.</summary>
public sealed record LocationAction(string Label) : LineAction(Label);

/// <summary>Rich menu only: switches to the menu behind <paramref name="RichMenuAliasId"/>.</summary>
public sealed record RichMenuSwitchAction(string? Label, string RichMenuAliasId, string Data) : LineAction(Label);

public sealed record ClipboardAction(string? Label, string ClipboardText) : LineAction(Label);
