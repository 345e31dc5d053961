using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace PortalLoad;

/// <summary>One Open311 POST: when it was sent and answered (Unix ms, this machine's clock), its latency and outcome.</summary>
public sealed record PostSample(int Index, double SentAt, double AnsweredAt, double LatencyMs, string? Code, int Status, bool TimedOut, string? Error)
{
    public bool Ok => Status == (int)HttpStatusCode.Created && Code is not null;
}

/// <summary>
/// Citizens' phones: POST /open311/v2/requests.json (form-encoded, with the app's key) at a fixed rate, open-loop — one
/// request every 1/R s whatever the earlier ones are doing — over a real HttpClient to 127.0.0.1, 30 s timeout each.
/// Points scatter around ward centres (Vị Thanh and Ngã Bảy, the two towns, get 40%); categories as the demo weighs them.
/// </summary>
public sealed class CitizenLoad : IDisposable
{
    private static readonly string[] Descriptions =
    [
        "Rác thải ùn ứ nhiều ngày ở đầu hẻm, bốc mùi hôi.",
        "Quán lấn chiếm vỉa hè, người đi bộ phải xuống lòng đường.",
        "Đèn đường không sáng cả đoạn, ban đêm rất tối.",
        "Mặt đường có ổ gà lớn, xe máy dễ té.",
        "Mưa xong nước ngập sâu, cống thoát không kịp.",
        "Karaoke mở lớn sau 22 giờ, ảnh hưởng hàng xóm.",
        "Đậu xe dưới lòng đường gây ùn tắc giờ tan trường.",
    ];

    private readonly HttpClient _http;
    private readonly string _apiKey;
    private readonly IReadOnlyList<AreaPoint> _areas;
    private readonly List<(string Code, int Weight, Dictionary<string, string> Attributes)> _services = [];
    private readonly Random _random = new(12);

    public CitizenLoad(string baseUrl, string apiKey, IReadOnlyList<AreaPoint> areas)
    {
        (_apiKey, _areas) = (apiKey, areas);
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 512 })
        {
            BaseAddress = new Uri(baseUrl),
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>The app's services (categories) through the public API; required extra questions get their first answer.</summary>
    public async Task PrepareAsync()
    {
        var weights = new Dictionary<string, int> { ["rac-thai"] = 14, ["lan-chiem-via-he"] = 12, ["den-chieu-sang"] = 10, ["duong-hu-hong"] = 9, ["ngap-nuoc"] = 8 };
        using var list = JsonDocument.Parse(await _http.GetStringAsync("/open311/v2/services.json"));
        foreach (var service in list.RootElement.EnumerateArray())
        {
            var code = service.GetProperty("service_code").GetString()!;
            var attributes = new Dictionary<string, string>();
            if (service.GetProperty("metadata").GetBoolean())
            {
                using var definition = JsonDocument.Parse(await _http.GetStringAsync($"/open311/v2/services/{code}.json"));
                foreach (var a in definition.RootElement.GetProperty("attributes").EnumerateArray().Where(a => a.GetProperty("required").GetBoolean()))
                {
                    attributes[$"attribute[{a.GetProperty("code").GetString()}]"] = a.GetProperty("values")[0].GetProperty("key").GetString()!;
                }
            }

            _services.Add((code, weights.GetValueOrDefault(code, 3), attributes));
        }
    }

    public async Task<List<PostSample>> RunAsync(double perSecond, TimeSpan duration, CancellationToken ct)
    {
        var total = (int)Math.Round(perSecond * duration.TotalSeconds);
        var requests = new List<Task<PostSample>>(total);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total && !ct.IsCancellationRequested; i++)
        {
            var wait = TimeSpan.FromSeconds(i / perSecond) - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, CancellationToken.None);
            }

            requests.Add(PostAsync(i, Fields(i)));
        }

        return [.. await Task.WhenAll(requests)];
    }

    private Dictionary<string, string> Fields(int i)
    {
        var (service, area) = (PickService(), PickArea());
        var fields = new Dictionary<string, string>(service.Attributes)
        {
            ["api_key"] = _apiKey,
            ["service_code"] = service.Code,
            ["lat"] = (area.Lat + ((_random.NextDouble() - 0.5) * 0.008)).ToString("0.000000", CultureInfo.InvariantCulture),
            ["long"] = (area.Lon + ((_random.NextDouble() - 0.5) * 0.008)).ToString("0.000000", CultureInfo.InvariantCulture),
            ["description"] = $"{Descriptions[i % Descriptions.Length]} (tải thử {i})",
            ["address_string"] = "Gần chợ, " + area.Name,
        };
        if (i % 2 == 0)
        {
            fields["phone"] = "09" + _random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
        }

        return fields;
    }

    private async Task<PostSample> PostAsync(int index, Dictionary<string, string> fields)
    {
        var sentAt = UnixMs();
        var clock = Stopwatch.StartNew();
        try
        {
            using var content = new FormUrlEncodedContent(fields);
            using var response = await _http.PostAsync("/open311/v2/requests.json", content);
            var body = await response.Content.ReadAsStringAsync();
            var latency = clock.Elapsed.TotalMilliseconds;
            var answeredAt = UnixMs();
            string? code = null;
            if (response.StatusCode == HttpStatusCode.Created)
            {
                using var json = JsonDocument.Parse(body);
                code = json.RootElement[0].GetProperty("service_request_id").GetString();
            }

            return new PostSample(index, sentAt, answeredAt, latency, code, (int)response.StatusCode, false, response.StatusCode == HttpStatusCode.Created ? null : $"HTTP {(int)response.StatusCode}: {body[..Math.Min(body.Length, 200)]}");
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            return new PostSample(index, sentAt, UnixMs(), clock.Elapsed.TotalMilliseconds, null, 0, true, "timeout");
        }
        catch (Exception e)
        {
            return new PostSample(index, sentAt, UnixMs(), clock.Elapsed.TotalMilliseconds, null, 0, false, e.GetType().Name + ": " + e.Message);
        }
    }

    private (string Code, int Weight, Dictionary<string, string> Attributes) PickService()
    {
        var n = _random.Next(_services.Sum(s => s.Weight));
        foreach (var s in _services)
        {
            if ((n -= s.Weight) < 0)
            {
                return s;
            }
        }

        return _services[^1];
    }

    private AreaPoint PickArea()
    {
        var r = _random.NextDouble();
        var code = r < 0.25 ? "31321" : r < 0.40 ? "31340" : null;
        return _areas.FirstOrDefault(a => a.Code == code) ?? _areas[_random.Next(_areas.Count)];
    }

    public static double UnixMs() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    public void Dispose() => _http.Dispose();
}
