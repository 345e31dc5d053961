using Microsoft.Extensions.Options;
using SkiaSharp;

namespace HauGiang.Portal.Features.Shared.Photos;

/// <summary>
/// Validates and re-encodes uploaded photos. The order matters: size first (bounded read), then the type by magic
/// bytes, then the dimensions from the header, and only then the pixels are decoded, at a reduced scale where the
/// codec can. Re-encoding to JPEG from the pixels leaves every metadata block (EXIF, GPS, XMP, maker notes) behind;
/// the EXIF orientation is applied to the pixels first so that the photo still stands the right way up.
/// </summary>
public sealed class PhotoProcessor(IOptions<PhotoOptions> options) : IDisposable
{
    // Decoding a 12-megapixel photo takes ~50 MB: bound how many run at once, so a burst cannot exhaust memory.
    private readonly SemaphoreSlim _gate = new(Math.Max(2, Environment.ProcessorCount));

    public PhotoOptions Options => options.Value;

    public void Dispose() => _gate.Dispose();

    public static ImageKind Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return ImageKind.Jpeg;
        }

        if (head.Length >= 8 && head[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return ImageKind.Png;
        }

        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return ImageKind.WebP;
        }

        // ISO base media file: [size]["ftyp"][brand]; HEIF/HEIC brands.
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = System.Text.Encoding.ASCII.GetString(head[8..12]);
            if (brand is "heic" or "heix" or "hevc" or "hevx" or "heim" or "heis" or "mif1" or "msf1")
            {
                return ImageKind.Heic;
            }
        }

        return ImageKind.Unknown;
    }

    /// <summary>Reads at most MaxBytes + 1 bytes of the upload and checks, decodes and re-encodes it.</summary>
    public async Task<PhotoCheck> PrepareAsync(Stream content, CancellationToken ct)
    {
        var o = options.Value;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > o.MaxBytes)
            {
                return PhotoCheck.Refused("Photo.TooLarge", (o.MaxBytes / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (buffer.Length == 0)
        {
            return PhotoCheck.Refused("Photo.Empty");
        }

        await _gate.WaitAsync(ct);
        try
        {
            return Process(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), o);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static PhotoCheck Process(ReadOnlySpan<byte> bytes, PhotoOptions o)
    {
        var kind = Detect(bytes[..Math.Min(bytes.Length, 32)]);
        if (kind == ImageKind.Unknown)
        {
            return PhotoCheck.Refused("Photo.UnsupportedType");
        }

        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            // Skia here has no HEIF decoder: say so plainly, the phone can send JPEG instead.
            return PhotoCheck.Refused(kind == ImageKind.Heic ? "Photo.HeicUnsupported" : "Photo.Corrupt");
        }

        // The header gives the size before a single pixel is decoded: a 30,000 × 30,000 PNG of zeros is a few
        // hundred kilobytes on the wire and 3.6 GB in memory.
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0)
        {
            return PhotoCheck.Refused("Photo.Corrupt");
        }

        if ((long)info.Width * info.Height > o.MaxPixels || info.Width > o.MaxSide || info.Height > o.MaxSide)
        {
            return PhotoCheck.Refused("Photo.TooManyPixels", $"{info.Width} × {info.Height}");
        }

        var decoded = Decode(codec, o.StoredMaxSide);
        if (decoded is null)
        {
            return PhotoCheck.Refused("Photo.Corrupt");
        }

        // Each step hands over its bitmap (or the same one when it has nothing to do); the last one is disposed.
        using var upright = Orient(decoded, codec.EncodedOrigin);
        using var stored = Fit(upright, o.StoredMaxSide);
        using var thumb = Fit(stored, o.ThumbnailSide);
        var jpeg = EncodeJpeg(stored, o.JpegQuality);
        var thumbnail = EncodeJpeg(thumb, 75);
        return new PhotoCheck(new PreparedPhoto(jpeg, thumbnail, stored.Width, stored.Height), null);
    }

    private static SKBitmap? Decode(SKCodec codec, int targetSide)
    {
        // JPEG decodes directly at k/8 of its size (in the DCT, cheap and sharp): take the largest k/8 that fits, so
        // a phone photo needs no separate resize. Other formats decode at full size and are scaled afterwards.
        var info = codec.Info;
        var size = info.Size;
        if (Math.Max(info.Width, info.Height) > targetSide)
        {
            for (var k = 7; k >= 1; k--)
            {
                var scaled = codec.GetScaledDimensions(k / 8f);
                if (Math.Max(scaled.Width, scaled.Height) <= targetSide)
                {
                    size = scaled;
                    break;
                }
            }
        }

        // The platform's native pixel order: no conversion in the resize and encode steps.
        var target = new SKImageInfo(size.Width, size.Height, SKImageInfo.PlatformColorType, info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        var bitmap = new SKBitmap(target);
        var result = codec.GetPixels(target, bitmap.GetPixels());
        if (result is SKCodecResult.Success or SKCodecResult.IncompleteInput)
        {
            return bitmap;
        }

        bitmap.Dispose();
        return null;
    }

    /// <summary>Applies the EXIF orientation to the pixels (the tag itself is dropped with the rest of the metadata).</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft && source.AlphaType == SKAlphaType.Opaque)
        {
            return source;
        }

        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var w = swap ? source.Height : source.Width;
        var h = swap ? source.Width : source.Height;
        var result = new SKBitmap(new SKImageInfo(w, h, SKImageInfo.PlatformColorType, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(result);
        canvas.Clear(SKColors.White); // JPEG has no transparency: transparent PNG/WebP areas become white, not black
        switch (origin)
        {
            case SKEncodedOrigin.TopRight: canvas.Translate(w, 0); canvas.Scale(-1, 1); break;
            case SKEncodedOrigin.BottomRight: canvas.Translate(w, h); canvas.RotateDegrees(180); break;
            case SKEncodedOrigin.BottomLeft: canvas.Translate(0, h); canvas.Scale(1, -1); break;
            case SKEncodedOrigin.LeftTop: canvas.RotateDegrees(90); canvas.Scale(1, -1); break;
            case SKEncodedOrigin.RightTop: canvas.Translate(w, 0); canvas.RotateDegrees(90); break;
            case SKEncodedOrigin.RightBottom: canvas.Translate(w, h); canvas.RotateDegrees(90); canvas.Scale(-1, 1); break;
            case SKEncodedOrigin.LeftBottom: canvas.Translate(0, h); canvas.RotateDegrees(270); break;
            default: break;
        }

        canvas.DrawBitmap(source, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        source.Dispose();
        return result;
    }

    /// <summary>
    /// Scales down to fit <paramref name="maxSide"/>: halving steps first (each a 2 × 2 average, cheap and without
    /// aliasing), then one linear step. Returns a new bitmap, or a copy-free view when nothing needs doing.
    /// </summary>
    private static SKBitmap Fit(SKBitmap source, int maxSide)
    {
        var current = source;
        while (Math.Max(current.Width, current.Height) > maxSide)
        {
            var longest = Math.Max(current.Width, current.Height);
            var scale = longest >= 2 * maxSide ? 0.5 : (double)maxSide / longest;
            var size = new SKSizeI(Math.Max(1, (int)Math.Round(current.Width * scale)), Math.Max(1, (int)Math.Round(current.Height * scale)));
            var next = current.Resize(size, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None)) ?? throw new InvalidOperationException("Resize failed.");
            if (!ReferenceEquals(current, source))
            {
                current.Dispose();
            }

            current = next;
        }

        // Nothing to do: hand back a bitmap sharing the pixels, so the caller may dispose both.
        if (ReferenceEquals(current, source))
        {
            var view = new SKBitmap();
            source.ExtractSubset(view, new SKRectI(0, 0, source.Width, source.Height));
            return view;
        }

        return current;
    }

    private static byte[] EncodeJpeg(SKBitmap bitmap, int quality)
    {
        using var pixmap = bitmap.PeekPixels();
        using var data = pixmap.Encode(new SKJpegEncoderOptions(quality, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore))
            ?? throw new InvalidOperationException("JPEG encoding failed.");
        return data.ToArray();
    }
}
