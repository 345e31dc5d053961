using System.Diagnostics;
using System.Net;
using HauGiang.Portal.Data;
using HauGiang.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HauGiang.Portal.Tests.Features.Account;

/// <summary>
/// A refused sign-in takes as long for an unknown e-mail as for a real account with a wrong password, so the answer's
/// timing does not tell an outsider which accounts exist. Medians of interleaved tries, compared with each other.
/// A burst of other work on a shared machine can skew one round's medians; a round is measured again (three at most),
/// which a real leak (an unknown e-mail answered without hashing: ~25 times faster) never passes.
/// </summary>
[Trait(Tier.Key, Tier.App)]
public class SignInTimingTests(PortalApp app, ITestOutputHelper output) : IClassFixture<PortalApp>
{
    private const string Known = "canbo.31338@haugiang.demo"; // an officer of Xã Hỏa Lựu no other test here signs in as
    private const string Unknown = "khong.ton.tai@haugiang.demo";

    [Fact]
    public async Task An_unknown_email_costs_the_same_as_a_wrong_password()
    {
        using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        var form = HtmlForms.HiddenFields(await http.GetStringAsync("/Account/Login"));
        var rounds = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            var (known, unknown) = await MeasureAsync(http, form);
            var (knownMedian, unknownMedian) = (Median(known), Median(unknown));
            rounds.Add($"known {knownMedian:0.0} ms, unknown {unknownMedian:0.0} ms");
            output.WriteLine($"round {round + 1}: median {rounds[^1]}");
            output.WriteLine("known " + string.Join(" ", known.Select(k => k.ToString("0", System.Globalization.CultureInfo.InvariantCulture))) + " / unknown " + string.Join(" ", unknown.Select(u => u.ToString("0", System.Globalization.CultureInfo.InvariantCulture))));
            if (Math.Abs(knownMedian - unknownMedian) <= 0.2 * Math.Max(knownMedian, unknownMedian))
            {
                return;
            }
        }

        Assert.Fail("A refused sign-in for a real account and for an unknown e-mail differed by more than 20 % in every round (medians: " + string.Join("; ", rounds) + ").");
    }

    /// <summary>20 tries of each, interleaved, after 3 of each to warm up the JIT, the pools and the dummy hash.</summary>
    private async Task<(List<double> Known, List<double> Unknown)> MeasureAsync(HttpClient http, Dictionary<string, string> form)
    {
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 23; i++)
        {
            // Identity locks an account after five wrong passwords (and then answers without hashing): start each try afresh.
            await ResetFailuresAsync();
            double k, u;
            if (i % 2 == 0) // alternate which goes first, so that neither always follows the reset's write
            {
                k = await TimeAsync(http, form, Known);
                u = await TimeAsync(http, form, Unknown);
            }
            else
            {
                u = await TimeAsync(http, form, Unknown);
                k = await TimeAsync(http, form, Known);
            }

            if (i >= 3)
            {
                known.Add(k);
                unknown.Add(u);
            }
        }

        return (known, unknown);
    }

    private static async Task<double> TimeAsync(HttpClient http, Dictionary<string, string> hidden, string email)
    {
        var fields = new Dictionary<string, string>(hidden) { ["Input.Email"] = email, ["Input.Password"] = "khong-dung-mat-khau" };
        var watch = Stopwatch.StartNew();
        using var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
        var html = await response.Content.ReadAsStringAsync();
        watch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // refused, the form again with its message
        Assert.Contains("hg-alert-error", html, StringComparison.Ordinal);
        return watch.Elapsed.TotalMilliseconds;
    }

    private async Task ResetFailuresAsync()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(Known);
        await users.ResetAccessFailedCountAsync(user!);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}
