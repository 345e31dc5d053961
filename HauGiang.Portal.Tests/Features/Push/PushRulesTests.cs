using HauGiang.Portal.Features.Push;
using HauGiang.Portal.Tests.Infrastructure;

namespace HauGiang.Portal.Tests.Features.Push;

/// <summary>The small rules of Web Push that need no server: which push services may be called, how a device is named.</summary>
[Trait(Tier.Key, Tier.Fast)]
public class PushRulesTests
{
    private static readonly AllowedPushServices Defaults = new(new PushOptions().AllowedEndpoints);

    [Theory]
    [InlineData("https://fcm.googleapis.com/fcm/send/abc:APA91", true)]
    [InlineData("https://updates.push.services.mozilla.com/wpush/v2/gAAAA", true)]
    [InlineData("https://db5p.notify.windows.com/w/?token=AwYAAA", true)]
    [InlineData("https://web.push.apple.com/QGuQyavXutnMH", true)]
    [InlineData("http://fcm.googleapis.com/fcm/send/abc", false)] // not over TLS
    [InlineData("https://fcm.googleapis.com:8443/fcm/send/abc", false)] // another port
    [InlineData("https://fcm.googleapis.com.evil.example/x", false)]
    [InlineData("https://evilnotify.windows.com/x", false)] // "*." means a sub-domain, not a suffix
    [InlineData("http://127.0.0.1:8080/admin", false)]
    [InlineData("http://169.254.169.254/latest/meta-data", false)]
    public void Only_the_listed_push_services_are_allowed(string endpoint, bool allowed) =>
        Assert.Equal(allowed, Defaults.Allows(new Uri(endpoint)));

    [Theory]
    [InlineData("Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36", "Chrome · Android")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari · iPhone")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge · Windows")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox · Linux")]
    [InlineData(null, "? · ?")]
    public void A_device_is_named_by_its_browser_and_system(string? userAgent, string name) =>
        Assert.Equal(name, DeviceName.From(userAgent));
}
