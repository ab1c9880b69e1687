using System.Text.Json.Serialization;

namespace OutreachBot.Line.Messaging;

/// <param name="AltText">Shown in notifications and the chat list: at most 1,500 characters.</param>
public sealed record FlexMessage(string AltText, FlexContainer Contents) : Message;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(FlexBubble), "bubble")]
[JsonDerivedType(typeof(FlexCarousel), "carousel")]
public abstract record FlexContainer;

/// <summary>One card. Not sealed only because System.Text.Json must see it as polymorphic to write its <c>type</c> inside a carousel.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(FlexBubble), "bubble")]
public record FlexBubble : FlexContainer
{
    public FlexBubbleSize? Size { get; init; }

    public string? Direction { get; init; }

    public FlexBox? Header { get; init; }

    /// <summary>Usually a <see cref="FlexImage"/>; a box also works.</summary>
    public FlexComponent? Hero { get; init; }

    public FlexBox? Body { get; init; }

    public FlexBox? Footer { get; init; }

    public FlexBubbleStyles? Styles { get; init; }

    public LineAction? Action { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<FlexBubbleSize>))]
public enum FlexBubbleSize
{
    [JsonStringEnumMemberName("nano")] Nano,
    [JsonStringEnumMemberName("micro")] Micro,
    [JsonStringEnumMemberName("deca")] Deca,
    [JsonStringEnumMemberName("hecto")] Hecto,
    [JsonStringEnumMemberName("kilo")] Kilo,
    [JsonStringEnumMemberName("mega")] Mega,
    [JsonStringEnumMemberName("giga")] Giga,
}

/// <summary>Up to 12 bubbles side by side.</summary>
public sealed record FlexCarousel(IReadOnlyList<FlexBubble> Contents) : FlexContainer;

public sealed record FlexBubbleStyles
{
    public FlexBlockStyle? Header { get; init; }

    public FlexBlockStyle? Hero { get; init; }

    public FlexBlockStyle? Body { get; init; }

    public FlexBlockStyle? Footer { get; init; }
}

public sealed record FlexBlockStyle(string? BackgroundColor = null, bool? Separator = null, string? SeparatorColor = null);
