using System.Text.Json.Serialization;

namespace OutreachBot.Line.Messaging;

// Sizes, margins and spacings take a keyword (xs, sm, md, lg, xl...) or pixels ("12px"), so they stay strings;
// FlexSize and FlexSpacing hold the keywords.

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(FlexBox), "box")]
[JsonDerivedType(typeof(FlexText), "text")]
[JsonDerivedType(typeof(FlexSpan), "span")]
[JsonDerivedType(typeof(FlexButton), "button")]
[JsonDerivedType(typeof(FlexImage), "image")]
[JsonDerivedType(typeof(FlexIcon), "icon")]
[JsonDerivedType(typeof(FlexSeparator), "separator")]
[JsonDerivedType(typeof(FlexFiller), "filler")]
public abstract record FlexComponent;

/// <summary>A box. Not sealed only so that System.Text.Json writes its <c>type</c> where a box is declared (bubble header, body, footer).</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(FlexBox), "box")]
public record FlexBox(FlexLayout Layout, IReadOnlyList<FlexComponent> Contents) : FlexComponent
{
    public int? Flex { get; init; }

    public string? Spacing { get; init; }

    public string? Margin { get; init; }

    public string? PaddingAll { get; init; }

    public string? PaddingTop { get; init; }

    public string? PaddingBottom { get; init; }

    public string? PaddingStart { get; init; }

    public string? PaddingEnd { get; init; }

    public string? BackgroundColor { get; init; }

    public string? BorderColor { get; init; }

    public string? BorderWidth { get; init; }

    public string? CornerRadius { get; init; }

    public string? Width { get; init; }

    public string? Height { get; init; }

    public string? JustifyContent { get; init; }

    public string? AlignItems { get; init; }

    public LineAction? Action { get; init; }

    public static FlexBox Vertical(params IReadOnlyList<FlexComponent> contents) => new(FlexLayout.Vertical, contents);

    public static FlexBox Horizontal(params IReadOnlyList<FlexComponent> contents) => new(FlexLayout.Horizontal, contents);

    public static FlexBox Baseline(params IReadOnlyList<FlexComponent> contents) => new(FlexLayout.Baseline, contents);
}

[JsonConverter(typeof(JsonStringEnumConverter<FlexLayout>))]
public enum FlexLayout
{
    [JsonStringEnumMemberName("horizontal")] Horizontal,
    [JsonStringEnumMemberName("vertical")] Vertical,
    [JsonStringEnumMemberName("baseline")] Baseline,
}

/// <summary>Text; with <see cref="Contents"/> its spans replace <see cref="Text"/>.</summary>
public sealed record FlexText(string? Text) : FlexComponent
{
    public IReadOnlyList<FlexSpan>? Contents { get; init; }

    public string? Size { get; init; }

    public FlexWeight? Weight { get; init; }

    public string? Color { get; init; }

    public bool? Wrap { get; init; }

    public int? MaxLines { get; init; }

    public int? Flex { get; init; }

    public string? Margin { get; init; }

    public string? Align { get; init; }

    public string? Gravity { get; init; }

    public string? Decoration { get; init; }

    public string? Style { get; init; }

    public string? LineSpacing { get; init; }

    public LineAction? Action { get; init; }
}

/// <summary>A run of styled text inside a <see cref="FlexText"/>. Not sealed so its <c>type</c> is written there.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(FlexSpan), "span")]
public record FlexSpan(string Text) : FlexComponent
{
    public string? Size { get; init; }

    public string? Color { get; init; }

    public FlexWeight? Weight { get; init; }

    public string? Style { get; init; }

    public string? Decoration { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<FlexWeight>))]
public enum FlexWeight
{
    [JsonStringEnumMemberName("regular")] Regular,
    [JsonStringEnumMemberName("bold")] Bold,
}

public sealed record FlexButton(LineAction Action) : FlexComponent
{
    public FlexButtonStyle? Style { get; init; }

    public string? Color { get; init; }

    /// <summary><c>md</c> (default) or <c>sm</c>.</summary>
    public string? Height { get; init; }

    public int? Flex { get; init; }

    public string? Margin { get; init; }

    public string? Gravity { get; init; }

    public string? AdjustMode { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<FlexButtonStyle>))]
public enum FlexButtonStyle
{
    [JsonStringEnumMemberName("primary")] Primary,
    [JsonStringEnumMemberName("secondary")] Secondary,
    [JsonStringEnumMemberName("link")] Link,
}

public sealed record FlexImage(string Url) : FlexComponent
{
    public string? Size { get; init; }

    /// <summary><c>{width}:{height}</c>, e.g. <c>20:13</c>.</summary>
    public string? AspectRatio { get; init; }

    /// <summary><c>fit</c> or <c>cover</c>.</summary>
    public string? AspectMode { get; init; }

    public string? BackgroundColor { get; init; }

    public int? Flex { get; init; }

    public string? Margin { get; init; }

    public string? Align { get; init; }

    public string? Gravity { get; init; }

    public bool? Animated { get; init; }

    public LineAction? Action { get; init; }
}

/// <summary>A small image in a baseline box.</summary>
public sealed record FlexIcon(string Url) : FlexComponent
{
    public string? Size { get; init; }

    public string? AspectRatio { get; init; }

    public string? Margin { get; init; }
}

public sealed record FlexSeparator : FlexComponent
{
    public string? Margin { get; init; }

    public string? Color { get; init; }
}

public sealed record FlexFiller : FlexComponent
{
    public int? Flex { get; init; }
}

/// <summary>The keywords that size, margin and spacing properties accept besides pixels.</summary>
public static class FlexSize
{
    public const string None = "none";
    public const string ExtraExtraSmall = "xxs";
    public const string ExtraSmall = "xs";
    public const string Small = "sm";
    public const string Medium = "md";
    public const string Large = "lg";
    public const string ExtraLarge = "xl";
    public const string ExtraExtraLarge = "xxl";
    public const string Full = "full";
}
