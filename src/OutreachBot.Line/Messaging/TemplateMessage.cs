using System.Text.Json.Serialization;

namespace OutreachBot.Line.Messaging;

/// <param name="AltText">Shown in notifications and where templates are not supported: at most 1,500 characters.</param>
public sealed record TemplateMessage(string AltText, Template Template) : Message;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ButtonsTemplate), "buttons")]
[JsonDerivedType(typeof(ConfirmTemplate), "confirm")]
[JsonDerivedType(typeof(CarouselTemplate), "carousel")]
[JsonDerivedType(typeof(ImageCarouselTemplate), "image_carousel")]
public abstract record Template;

/// <summary>Text (160, or 60 with a title or image) and up to 4 actions.</summary>
public sealed record ButtonsTemplate(string Text, IReadOnlyList<LineAction> Actions) : Template
{
    public string? Title { get; init; }

    public string? ThumbnailImageUrl { get; init; }

    public string? ImageAspectRatio { get; init; }

    public string? ImageSize { get; init; }

    public string? ImageBackgroundColor { get; init; }

    public LineAction? DefaultAction { get; init; }
}

/// <summary>Text (240) and exactly 2 actions.</summary>
public sealed record ConfirmTemplate(string Text, IReadOnlyList<LineAction> Actions) : Template;

/// <summary>Up to 10 columns, each with the same number of actions (at most 3).</summary>
public sealed record CarouselTemplate(IReadOnlyList<CarouselColumn> Columns) : Template
{
    public string? ImageAspectRatio { get; init; }

    public string? ImageSize { get; init; }
}

public sealed record CarouselColumn(string Text, IReadOnlyList<LineAction> Actions)
{
    public string? Title { get; init; }

    public string? ThumbnailImageUrl { get; init; }

    public string? ImageBackgroundColor { get; init; }

    public LineAction? DefaultAction { get; init; }
}

public sealed record ImageCarouselTemplate(IReadOnlyList<ImageCarouselColumn> Columns) : Template;

/// <summary>An image with one action whose label is at most 12 characters.</summary>
public sealed record ImageCarouselColumn(string ImageUrl, LineAction Action);
