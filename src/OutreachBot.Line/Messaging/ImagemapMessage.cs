using System.Text.Json.Serialization;

namespace OutreachBot.Line.Messaging;

/// <param name="BaseUrl">Base of the image URLs; LINE appends <c>/1040</c>, <c>/700</c>... for each width.</param>
public sealed record ImagemapMessage(string BaseUrl, string AltText, ImagemapBaseSize BaseSize, IReadOnlyList<ImagemapAction> Actions) : Message;

/// <param name="Width">Always 1040.</param>
public sealed record ImagemapBaseSize(int Width, int Height);

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(MessageImagemapAction), "message")]
[JsonDerivedType(typeof(UriImagemapAction), "uri")]
public abstract record ImagemapAction(ImagemapArea Area)
{
    public string? Label { get; init; }
}

public sealed record MessageImagemapAction(ImagemapArea Area, string Text) : ImagemapAction(Area);

public sealed record UriImagemapAction(ImagemapArea Area, string LinkUri) : ImagemapAction(Area);

public sealed record ImagemapArea(int X, int Y, int Width, int Height);
