using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SkiaSharp;

namespace HauGiang.Portal.Tests.Features.Photos;

/// <summary>Images made for the upload tests: real encoders for the pixels, EXIF and PNG chunks written by hand.</summary>
public static class TestImages
{
    /// <summary>A JPEG (noise, so it is not tiny) with an EXIF block: camera make, orientation and a GPS position.</summary>
    public static byte[] JpegWithGps(double lat, double lon, int width = 1200, int height = 900, ushort orientation = 1)
    {
        var jpeg = Jpeg(width, height);
        var exif = Exif(lat, lon, orientation);
        var segment = new byte[4 + exif.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(2 + exif.Length));
        exif.CopyTo(segment, 4);

        // Right after SOI, where cameras put it.
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    public static byte[] Jpeg(int width, int height, int seed = 1)
    {
        using var bitmap = new SKBitmap(width, height);
        var random = new Random(seed);
        var pixels = new byte[width * height * 4];
        random.NextBytes(pixels);
        for (var i = 3; i < pixels.Length; i += 4)
        {
            pixels[i] = 255;
        }

        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    /// <summary>A photo-like JPEG (sky, road, objects, sensor grain) of about the size a phone sends: 2000 × 1500, ~1 MB.</summary>
    public static byte[] StreetPhoto(int width = 2000, int height = 1500, int seed = 7)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var sky = new SKPaint { Shader = SKShader.CreateLinearGradient(new(0, 0), new(0, height * 0.55f), [new SKColor(90, 150, 220), new SKColor(225, 235, 245)], SKShaderTileMode.Clamp) };
            canvas.DrawRect(0, 0, width, height * 0.55f, sky);
            using var road = new SKPaint { Color = new SKColor(105, 100, 95) };
            canvas.DrawRect(0, height * 0.55f, width, height * 0.45f, road);
            using var paint = new SKPaint { IsAntialias = true };
            for (var i = 0; i < 120; i++)
            {
                paint.Color = new SKColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
                canvas.DrawCircle(random.Next(width), (float)(height * (0.4 + (0.6 * random.NextDouble()))), 10 + random.Next(90), paint);
            }
        }

        // Grain, as a real sensor has: it is what makes photos weigh what they weigh.
        var pixels = bitmap.GetPixelSpan();
        var bytes = pixels.ToArray();
        for (var i = 0; i < bytes.Length; i += 4)
        {
            var n = random.Next(-16, 17);
            bytes[i] = (byte)Math.Clamp(bytes[i] + n, 0, 255);
            bytes[i + 1] = (byte)Math.Clamp(bytes[i + 1] + n, 0, 255);
            bytes[i + 2] = (byte)Math.Clamp(bytes[i + 2] + n, 0, 255);
        }

        System.Runtime.InteropServices.Marshal.Copy(bytes, 0, bitmap.GetPixels(), bytes.Length);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 88);
        return data.ToArray();
    }

    public static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(30, 120, 200, 128));
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static byte[] WebP(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.OliveDrab);
        }

        using var data = bitmap.Encode(SKEncodedImageFormat.Webp, 80);
        return data.ToArray();
    }

    /// <summary>A decompression bomb: a valid 1-bit PNG of 30,000 × 30,000 zeros, about 100 KB on the wire, 3.6 GB decoded.</summary>
    public static byte[] PngBomb(int side = 30_000)
    {
        using var ms = new MemoryStream();
        ms.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, side);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), side);
        ihdr[8] = 1; // bit depth
        ihdr[9] = 0; // greyscale
        Chunk(ms, "IHDR", ihdr);
        using (var raw = new MemoryStream())
        {
            using (var z = new ZLibStream(raw, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var row = new byte[1 + ((side + 7) / 8)];
                for (var y = 0; y < side; y++)
                {
                    z.Write(row);
                }
            }

            Chunk(ms, "IDAT", raw.ToArray());
        }

        Chunk(ms, "IEND", []);
        return ms.ToArray();
    }

    /// <summary>What a Windows program looks like: "MZ", the DOS stub, the PE header.</summary>
    public static byte[] Executable()
    {
        var bytes = new byte[4096];
        "MZ"u8.CopyTo(bytes);
        Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.").CopyTo(bytes, 78);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(0x3C), 0x80);
        "PE\0\0"u8.CopyTo(bytes.AsSpan(0x80));
        return bytes;
    }

    public static byte[] Svg() => Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\"><script>alert(document.cookie)</script><circle cx=\"50\" cy=\"50\" r=\"40\"/></svg>");

    /// <summary>The start of an iPhone HEIC file (ftyp box, brand heic) followed by filler.</summary>
    public static byte[] Heic()
    {
        var bytes = new byte[2048];
        BinaryPrimitives.WriteInt32BigEndian(bytes, 24);
        "ftypheic"u8.CopyTo(bytes.AsSpan(4));
        "mif1heic"u8.CopyTo(bytes.AsSpan(16));
        return bytes;
    }

    private static byte[] Exif(double lat, double lon, ushort orientation)
    {
        // TIFF, little endian: IFD0 (Make, Orientation, GPS pointer) → GPS IFD (lat/lon refs and values).
        var tiff = new byte[160];
        var s = tiff.AsSpan();
        "II"u8.CopyTo(s);
        BinaryPrimitives.WriteUInt16LittleEndian(s[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(s[4..], 8);
        var p = 8;
        BinaryPrimitives.WriteUInt16LittleEndian(s[p..], 3);
        Entry(s, p + 2, 0x010F, 2, 8, 50);          // Make → "HGPhone\0" at 50
        Entry(s, p + 14, 0x0112, 3, 1, orientation); // Orientation (SHORT, inline)
        Entry(s, p + 26, 0x8825, 4, 1, 58);         // GPS IFD at 58
        "HGPhone\0"u8.CopyTo(s[50..]);
        p = 58;
        BinaryPrimitives.WriteUInt16LittleEndian(s[p..], 4);
        Entry(s, p + 2, 0x0001, 2, 2, 'N');          // GPSLatitudeRef "N\0" inline
        Entry(s, p + 14, 0x0002, 5, 3, 112);         // GPSLatitude → 3 rationals at 112
        Entry(s, p + 26, 0x0003, 2, 2, 'E');         // GPSLongitudeRef "E\0" inline
        Entry(s, p + 38, 0x0004, 5, 3, 136);         // GPSLongitude → at 136
        Dms(s[112..], lat);
        Dms(s[136..], lon);
        return [.. "Exif\0\0"u8.ToArray(), .. tiff];
    }

    private static void Entry(Span<byte> s, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(s[at..], tag);
        BinaryPrimitives.WriteUInt16LittleEndian(s[(at + 2)..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(at + 4)..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(s[(at + 8)..], value);
    }

    private static void Dms(Span<byte> s, double value)
    {
        var deg = (uint)value;
        var minutes = (value - deg) * 60;
        var min = (uint)minutes;
        var sec = (uint)Math.Round((minutes - min) * 60 * 1000);
        uint[] parts = [deg, 1, min, 1, sec, 1000];
        for (var i = 0; i < parts.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(s[(i * 4)..], parts[i]);
        }
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var len = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        s.Write(typeBytes);
        s.Write(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. typeBytes, .. data]));
        s.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
