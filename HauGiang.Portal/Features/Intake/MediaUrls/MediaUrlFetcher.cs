using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HauGiang.Portal.Features.Photos;
using Microsoft.Extensions.Options;

namespace HauGiang.Portal.Features.Intake.MediaUrls;

/// <summary>The bytes of an image, or the resource key (and argument) of why it was not fetched.</summary>
public sealed record MediaFetch(byte[]? Bytes, string? ErrorKey, string? Argument = null)
{
    public static MediaFetch Refused(string key, string? argument = null) => new(null, key, argument);
}

/// <summary>
/// Downloads the image a client named by media_url without letting the URL reach inside the network (SSRF):
/// http/https only; every connection — the first and one after each redirect, which are followed by hand and
/// re-checked — resolves the host itself and connects to an address it has just checked to be public
/// (<see cref="AddressPolicy"/>), so a DNS answer cannot change between the check and the connect; no proxy, no
/// cookies, no decompression; the whole fetch within a timeout; at most the photo size cap read; and the first bytes
/// must be a JPEG, PNG or WebP whatever the Content-Type says. The photo store then re-encodes it like any upload.
/// </summary>
public sealed class MediaUrlFetcher : IDisposable
{
    private readonly HttpClient _http;
    private readonly MediaUrlOptions _options;
    private readonly long _maxBytes;

    public MediaUrlFetcher(IOptions<MediaUrlOptions> options, IOptions<PhotoOptions> photos)
    {
        _options = options.Value;
        _maxBytes = photos.Value.MaxBytes;
        var allowed = new HashSet<string>(_options.AllowedPrivateHosts.Select(h => h.Trim()), StringComparer.OrdinalIgnoreCase);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, allowed.Contains(context.DnsEndPoint.Host), ct),
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("HauGiang.Portal-media-url/1.0");
    }

    public void Dispose() => _http.Dispose();

    public async Task<MediaFetch> FetchAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return MediaFetch.Refused("MediaUrl.Invalid");
        }

        // The timeout is real time on purpose: it bounds a network wait, not a business rule.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        try
        {
            for (var hop = 0; ; hop++)
            {
                if (uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.UserInfo))
                {
                    return MediaFetch.Refused("MediaUrl.Scheme");
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.Accept.ParseAdd("image/jpeg, image/png, image/webp");
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (hop >= _options.MaxRedirects)
                    {
                        return MediaFetch.Refused("MediaUrl.TooManyRedirects", _options.MaxRedirects.ToString(CultureInfo.InvariantCulture));
                    }

                    uri = new Uri(uri, location);
                    continue;
                }

                if (!response.IsSuccessStatusCode)
                {
                    return MediaFetch.Refused("MediaUrl.HttpStatus", ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
                }

                if (response.Content.Headers.ContentLength > _maxBytes)
                {
                    return TooLarge();
                }

                await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
                return await ReadImageAsync(body, timeout.Token);
            }
        }
        catch (Exception e) when (Refusal(e) is { } refused)
        {
            return MediaFetch.Refused("MediaUrl.PrivateAddress", refused.Host);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return MediaFetch.Refused("MediaUrl.Timeout", _options.TimeoutSeconds.ToString(CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or IOException)
        {
            return MediaFetch.Refused("MediaUrl.Unreachable", uri.Host);
        }
    }

    private async Task<MediaFetch> ReadImageAsync(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > _maxBytes)
            {
                return TooLarge();
            }

            // Sniff as soon as the first bytes are in: an HTML page or an archive is not read any further.
            if (buffer.Length >= 12 && buffer.Length - read < 12 && !IsImage(buffer))
            {
                return MediaFetch.Refused("MediaUrl.NotImage");
            }
        }

        return buffer.Length >= 12 && IsImage(buffer) ? new MediaFetch(buffer.ToArray(), null) : MediaFetch.Refused("MediaUrl.NotImage");
    }

    private static bool IsImage(MemoryStream buffer) =>
        PhotoProcessor.Detect(buffer.GetBuffer().AsSpan(0, (int)Math.Min(buffer.Length, 32))) is ImageKind.Jpeg or ImageKind.Png or ImageKind.WebP;

    private MediaFetch TooLarge() => MediaFetch.Refused("MediaUrl.TooLarge", (_maxBytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture));

    private static AddressRefusedException? Refusal(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is AddressRefusedException r)
            {
                return r;
            }
        }

        return null;
    }

    /// <summary>Resolves the host and connects to the first of its addresses that passes the policy.</summary>
    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, bool allowedPrivate, CancellationToken ct)
    {
        var addresses = IPAddress.TryParse(endPoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endPoint.Host, ct);
        var usable = addresses.Where(a => allowedPrivate || AddressPolicy.IsPublic(a)).ToList();
        if (usable.Count == 0)
        {
            throw new AddressRefusedException(endPoint.Host);
        }

        SocketException? last = null;
        foreach (var address in usable)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }

    private sealed class AddressRefusedException(string host) : Exception("Refused address for " + host)
    {
        public string Host { get; } = host;
    }
}
