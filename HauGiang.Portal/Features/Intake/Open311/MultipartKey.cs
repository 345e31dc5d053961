using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace HauGiang.Portal.Features.Intake.Open311;

/// <summary>
/// The api_key field of a multipart body, read without reading the photos: the fields before the first file, up to
/// a few kilobytes. What was read is put back in front of the body, so the endpoint then reads the whole form as
/// if nothing had been taken.
/// </summary>
internal static class MultipartKey
{
    private const int MaxKeyLength = 200;

    public static async Task<string?> FindBeforeFilesAsync(HttpRequest request, int scanBytes, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            return null; // the endpoint's form read answers 400
        }

        var replay = new ReplayStream(request.Body, scanBytes);
        request.Body = replay;
        try
        {
            var reader = new MultipartReader(boundary, replay) { HeadersLengthLimit = scanBytes };
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    throw new InvalidDataException("A multipart section without a readable Content-Disposition (a body cut short?).");
                }

                if (disposition.IsFileDisposition())
                {
                    return null;
                }

                using var text = new StreamReader(section.Body, Encoding.UTF8);
                var value = await text.ReadToEndAsync(ct);
                if (HeaderUtilities.RemoveQuotes(disposition.Name).Equals("api_key", StringComparison.Ordinal))
                {
                    return value.Length <= MaxKeyLength ? value.Trim() : null;
                }
            }

            // The end of the body without the key: it is an answer only if the form was whole (ends with its closing boundary).
            return replay.EndsWith("--" + boundary + "--") ? null : throw new InvalidDataException("The multipart body ends before its closing boundary.");
        }
        catch (ScanLimitReached)
        {
            return null;
        }
        finally
        {
            replay.Rewind();
        }
    }

    private sealed class ScanLimitReached : Exception;

    /// <summary>Records what is read (up to a limit), then gives it again before the rest of the body.</summary>
    private sealed class ReplayStream(Stream inner, int limit) : Stream
    {
        private readonly MemoryStream _recorded = new();
        private bool _replaying;

        /// <summary>Whether what was read ends with this text (trailing blank lines aside).</summary>
        public bool EndsWith(string text)
        {
            var recorded = Encoding.ASCII.GetString(_recorded.GetBuffer(), 0, (int)_recorded.Length).TrimEnd();
            return recorded.EndsWith(text, StringComparison.Ordinal);
        }

        public void Rewind()
        {
            _recorded.Position = 0;
            _replaying = true;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_replaying)
            {
                var n = _recorded.Read(buffer.Span);
                return n > 0 ? n : await inner.ReadAsync(buffer, cancellationToken);
            }

            if (_recorded.Length >= limit)
            {
                throw new ScanLimitReached();
            }

            var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, limit - _recorded.Length)], cancellationToken);
            _recorded.Write(buffer.Span[..read]);
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Request bodies are read asynchronously.");

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _recorded.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
