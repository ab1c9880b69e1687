using System.Buffers.Binary;
using OutreachBot.Line.Messaging;

namespace OutreachBot.LineEmulator.Validation;

/// <summary>Rich menu image rules: PNG or JPEG, at most 1 MB, 800–2,500 px wide, at least 250 px high, width/height ≥ 1.45.</summary>
public static class RichMenuImage
{
    public const string SizeRule = "Rich menu size must be 800 to 2500 pixels wide, at least 250 pixels high, with width / height at least 1.45";

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool IsAllowedSize(double width, double height) =>
        width is >= LineLimits.RichMenuImageMinWidth and <= LineLimits.RichMenuImageMaxWidth
        && height >= LineLimits.RichMenuImageMinHeight
        && width / height >= LineLimits.RichMenuImageMinAspectRatio;

    /// <summary>Reads the pixel size from a PNG's IHDR or a JPEG's SOF marker; null when the bytes are neither.</summary>
    public static (int Width, int Height)? ReadSize(ReadOnlySpan<byte> image, string? contentType)
    {
        if (contentType == "image/png" && image.Length >= 24 && image[..8].SequenceEqual(PngSignature))
        {
            return (BinaryPrimitives.ReadInt32BigEndian(image[16..]), BinaryPrimitives.ReadInt32BigEndian(image[20..]));
        }

        if (contentType == "image/jpeg" && image.Length >= 4 && image[0] == 0xFF && image[1] == 0xD8)
        {
            return ReadJpegSize(image);
        }

        return null;
    }

    private static (int, int)? ReadJpegSize(ReadOnlySpan<byte> image)
    {
        var at = 2;
        while (at + 9 < image.Length)
        {
            if (image[at] != 0xFF)
            {
                return null;
            }

            var marker = image[at + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(image[(at + 2)..]);
            // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                return (BinaryPrimitives.ReadUInt16BigEndian(image[(at + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(image[(at + 5)..]));
            }

            at += 2 + length;
        }

        return null;
    }
}
