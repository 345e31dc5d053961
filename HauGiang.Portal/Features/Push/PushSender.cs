using System.Net;
using HauGiang.Portal.Data;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HauGiang.Portal.Features.Push;

/// <summary>
/// Sends what is in <see cref="PushOutbox"/>: each message encrypted to its device (aes128gcm, RFC 8291) and signed
/// with the portal's VAPID key (RFC 8292), a few at once, each with its own timeout so that one slow push service
/// holds up nothing else. A device the push service no longer knows (404/410) is removed; a success is noted on
/// the device ("last received"). Generates the VAPID keys on first start.
/// </summary>
public sealed class PushSender(
    PushOutbox outbox,
    VapidKeyStore keys,
    IDbContextFactory<PortalDbContext> dbFactory,
    IOptions<PushOptions> options,
    TimeProvider clock,
    ILogger<PushSender> logger) : BackgroundService
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false });
    private PushServiceClient? _client;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await keys.GetAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Tried again with the first message.
            logger.LogWarning(e, "Could not read or create the VAPID keys at start");
        }

        using var slots = new SemaphoreSlim(Math.Max(1, options.Value.SendConcurrency));
        var running = new List<Task>();
        try
        {
            await foreach (var delivery in outbox.Reader.ReadAllAsync(stoppingToken))
            {
                await slots.WaitAsync(stoppingToken);
                running.RemoveAll(t => t.IsCompleted);
                running.Add(SendAndReleaseAsync(delivery, slots, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is not sent.
        }

        await Task.WhenAll(running);
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    private async Task SendAndReleaseAsync(PushDelivery delivery, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await SendAsync(delivery, stoppingToken);
        }
        finally
        {
            slots.Release();
            outbox.Done();
        }
    }

    private async Task SendAsync(PushDelivery delivery, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, settings.SendTimeoutSeconds)));
        var subscription = new PushSubscription { Endpoint = delivery.Endpoint };
        subscription.SetKey(PushEncryptionKeyName.P256DH, delivery.P256dh);
        subscription.SetKey(PushEncryptionKeyName.Auth, delivery.Auth);
        var message = new PushMessage(delivery.Payload)
        {
            Urgency = delivery.Urgent ? PushMessageUrgency.High : PushMessageUrgency.Normal,
            TimeToLive = Math.Max(0, settings.TimeToLiveSeconds),
        };

        try
        {
            var client = await ClientAsync(timeout.Token);
            await client.RequestPushMessageDeliveryAsync(subscription, message, timeout.Token);
            await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
            var now = clock.GetUtcNow().UtcDateTime;
            await db.PushSubscriptions.Where(s => s.Id == delivery.SubscriptionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSuccessAt, now), stoppingToken);
        }
        catch (PushServiceClientException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            // The browser unsubscribed, or the push service expired the subscription: it will never accept again.
            await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
            await db.PushSubscriptions.Where(s => s.Id == delivery.SubscriptionId).ExecuteDeleteAsync(stoppingToken);
            logger.LogInformation("Removed push device {Id}: the push service answered {Status}", delivery.SubscriptionId, (int)e.StatusCode);
        }
        catch (PushServiceClientException e)
        {
            logger.LogWarning("Push to device {Id} refused: {Status} {Reason}", delivery.SubscriptionId, (int)e.StatusCode, e.Message);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Push to device {Id} gave up after {Seconds} s", delivery.SubscriptionId, settings.SendTimeoutSeconds);
        }
        catch (HttpRequestException e)
        {
            logger.LogWarning("Push to device {Id} failed: {Error}", delivery.SubscriptionId, e.Message);
        }
    }

    private async Task<PushServiceClient> ClientAsync(CancellationToken ct)
    {
        if (_client is { } ready)
        {
            return ready;
        }

        var pair = await keys.GetAsync(ct);
        return _client = new PushServiceClient(_http)
        {
            DefaultAuthentication = new VapidAuthentication(pair.PublicKey, pair.PrivateKey) { Subject = options.Value.Subject },
            DefaultAuthenticationScheme = VapidAuthenticationScheme.Vapid,
            AutoRetryAfter = false, // a 429 is not waited out here: the worker would stall for every device
        };
    }
}
