using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HauGiang.Portal.Tests.Features.Push;

/// <summary>One message as the push service received it: the headers that matter and the encrypted body.</summary>
public sealed record ReceivedPush(string Device, string? Authorization, string? ContentEncoding, string? Ttl, string? Urgency, byte[] Body);

/// <summary>
/// A push service of our own on real Kestrel (127.0.0.1, a free port), since no public one is reachable here: it takes
/// the portal's POST to <c>/push/{device}</c> as FCM or Mozilla's would, keeps what arrived for the test, and answers
/// 201 Created — or 410 Gone for a device the test has marked as expired.
/// </summary>
public sealed class LocalPushService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Channel<ReceivedPush>> _inboxes = new();
    private readonly ConcurrentDictionary<string, int> _counts = new();
    private readonly ConcurrentDictionary<string, bool> _gone = new();
    private readonly ConcurrentDictionary<string, bool> _hanging = new();
    private readonly ConcurrentDictionary<string, int> _open = new();

    public LocalPushService()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/push/{device}", async (string device, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var push = new ReceivedPush(device, request.Headers.Authorization, request.Headers.ContentEncoding, request.Headers["TTL"], request.Headers["Urgency"], body.ToArray());
            _counts.AddOrUpdate(device, 1, (_, n) => n + 1);
            await Inbox(device).Writer.WriteAsync(push);
            if (_hanging.ContainsKey(device))
            {
                // Never answers: the sender must give up on its own (its timeout aborts the request).
                _open.AddOrUpdate(device, 1, (_, n) => n + 1);
                await Task.Delay(Timeout.Infinite, request.HttpContext.RequestAborted).ContinueWith(_ => _open.AddOrUpdate(device, 0, (_, n) => n - 1), TaskScheduler.Default);
            }

            return _gone.ContainsKey(device) ? Results.StatusCode(StatusCodes.Status410Gone) : Results.StatusCode(StatusCodes.Status201Created);
        });
        _app.StartAsync().GetAwaiter().GetResult();
        Origin = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    /// <summary>e.g. http://127.0.0.1:41234 — what the portal is told to allow (<c>Push:AllowedEndpoints</c>).</summary>
    public string Origin { get; }

    public string EndpointFor(string device) => $"{Origin}/push/{device}";

    /// <summary>From now on this device answers 410 Gone, as a push service does for an expired subscription.</summary>
    public void Expire(string device) => _gone[device] = true;

    /// <summary>From now on this device takes each message and never answers, like a push service that hangs.</summary>
    public void Hang(string device) => _hanging[device] = true;

    /// <summary>Requests to a hanging device that the sender has not given up yet.</summary>
    public int OpenRequests(string device) => _open.GetValueOrDefault(device);

    /// <summary>Messages this device has received so far.</summary>
    public int CountFor(string device) => _counts.GetValueOrDefault(device);

    /// <summary>The next message to arrive for this device (waits for it; fails after a minute).</summary>
    public async Task<ReceivedPush> NextAsync(string device)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        return await Inbox(device).Reader.ReadAsync(timeout.Token);
    }

    /// <summary>A message that has arrived and not been read yet, if any (no waiting).</summary>
    public bool TryTake(string device, out ReceivedPush push) => Inbox(device).Reader.TryRead(out push!);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private Channel<ReceivedPush> Inbox(string device) => _inboxes.GetOrAdd(device, _ => Channel.CreateUnbounded<ReceivedPush>());
}
