using SkiaSharp;

namespace OutreachBot.Groups;

/// <summary>
/// Makes an uploaded logo safe to serve: it must decode as an image (whatever it claims to be), is scaled down to at most
/// <see cref="MaxSide"/> pixels a side and encoded anew, PNG when it has transparency and JPEG otherwise, so nothing of
/// the uploaded file but its pixels is ever served.
/// </summary>
public static class GroupLogos
{
    public const int MaxSide = 512;
    public const int MaxUploadBytes = 5 * 1024 * 1024;

    /// <summary>The logo to store, or null when <paramref name="upload"/> is no image SkiaSharp can decode.</summary>
    public static GroupLogo? Normalize(byte[] upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        // SKBitmap.Decode throws rather than answering null for bytes no codec recognises: ask for the codec first.
        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data);
        using var decoded = codec is null ? null : SKBitmap.Decode(codec);
        if (decoded is null || decoded.Width == 0 || decoded.Height == 0)
        {
            return null;
        }

        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(decoded.Width, decoded.Height));
        var info = new SKImageInfo(Math.Max(1, (int)Math.Round(decoded.Width * scale)), Math.Max(1, (int)Math.Round(decoded.Height * scale)));
        using var resized = decoded.Resize(info, new SKSamplingOptions(SKCubicResampler.Mitchell)) ?? throw new InvalidOperationException("SkiaSharp could not resize the logo.");
        using var image = SKImage.FromBitmap(resized);
        var transparent = decoded.AlphaType != SKAlphaType.Opaque && !decoded.Pixels.All(p => p.Alpha == 255);
        using var encoded = transparent ? image.Encode(SKEncodedImageFormat.Png, 100) : image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return new GroupLogo(encoded.ToArray(), transparent ? "image/png" : "image/jpeg");
    }
}
