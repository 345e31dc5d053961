using System.Globalization;
using System.Net;
using System.Net.Sockets;
using HauGiang.Portal.Domain;
using HauGiang.Portal.Features.Shared.Photos;
using Microsoft.Extensions.Options;

namespace HauGiang.Portal.Features.Intake.MediaUrls;

/// <summary>
/// Downloads the image a client named by media_url without letting the URL reach inside the network (SSRF):
/// http/https only; every connection — the first and one after each redirect, which are followed by hand and
/// re-checked — resolves the host itself and connects to an address it has just checked to be public
/// (<see cref="AddressPolicy"/>), so a DNS answer cannot change between the check and the connect; no proxy, no
/// cookies, no decompression; the whole fetch within a timeout; at most the photo size cap read; and the first bytes
/// must be a JPEG, PNG or WebP whatever the Content-Type says. The photo store then re-encodes it like any upload.
/// <para>
/// Each client names the hosts its photos may come from (<see cref="ApiClientHosts"/>): the URL's host and every
/// redirect's must be one of them, over https. Only an IP address the admin wrote out (a test or intranet server)
/// may be private or loopback, and be reached over http; so may a host of <c>Intake:MediaUrl:AllowedPrivateHosts</c>.
/// </para>
/// </summary>
public sealed class MediaUrlFetcher : IDisposable
{
    private readonly HttpClient _http;
    private readonly MediaUrlOptions _options;
    private readonly long _maxBytes;
    private readonly HashSet<string> _privateHosts;
    private static readonly HttpRequestOptionsKey<bool> PrivateAllowed = new("hg.media-url.private-allowed");

    public MediaUrlFetcher(IOptions<MediaUrlOptions> options, IOptions<PhotoOptions> photos)
    {
        _options = options.Value;
        _maxBytes = photos.Value.MaxBytes;
        _privateHosts = new HashSet<string>(_options.AllowedPrivateHosts.Select(h => h.Trim()), StringComparer.OrdinalIgnoreCase);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            // Whether this connection may reach a private address was decided for the request by FetchAsync. A pooled
            // connection is only reused for the same host and port, whose decision is the same for every client
            // allowed to ask for it (an address named explicitly, or a configured private host).
            ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint,
                context.InitialRequestMessage.Options.TryGetValue(PrivateAllowed, out var allowed) && allowed, ct),
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("HauGiang.Portal-media-url/1.0");
    }

    public void Dispose() => _http.Dispose();

    /// <param name="allowedHosts">The client's image hosts; a URL (or a redirect) to any other host is refused before connecting.</param>
    public async Task<MediaFetch> FetchAsync(string url, IReadOnlyList<string> allowedHosts, CancellationToken ct)
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

                var host = uri.IdnHost;
                if (!ApiClientHosts.Allows(allowedHosts, host))
                {
                    return MediaFetch.Refused("MediaUrl.HostNotAllowed", host);
                }

                var privateAllowed = ApiClientHosts.IsNamedAddress(allowedHosts, host) || _privateHosts.Contains(host);
                if (uri.Scheme != "https" && !privateAllowed)
                {
                    return MediaFetch.Refused("MediaUrl.HttpsOnly");
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Options.Set(PrivateAllowed, privateAllowed);
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
