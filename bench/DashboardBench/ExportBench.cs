using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using HauGiang.Portal.Data;
using HauGiang.Portal.Domain;
using Microsoft.AspNetCore.Identity;
using HauGiang.Portal.Features.Shared;

namespace DashboardBench;

internal sealed record ExportResult(string Format, int Rows, long ExpectedRows, double Seconds, double FirstByteMs, long Bytes, double BaselineMiB, double PeakMiB, double ServerCpuSeconds, string Range)
{
    public double GrowthMiB => PeakMiB - BaselineMiB;

    public bool Passed => Seconds < ExportBench.TargetSeconds && Rows == ExpectedRows;
}

/// <summary>
/// The real export endpoints over HTTP: the app is started as its own process on 127.0.0.1 over the benchmark's
/// database, the coordinator signs in through the real sign-in form, and each export is read to the end while the
/// server's own resident memory (RssAnon) is sampled. The client only counts (CSV) or writes to a temporary file (XLSX).
/// </summary>
internal static partial class ExportBench
{
    public const double TargetSeconds = 10;
    private const string Password = "HauGiang@2026-bench";

    public static async Task<List<ExportResult>> RunAsync(IServiceProvider services, BenchUsers users, DashboardOptions options, DateTime now, CancellationToken ct)
    {
        await SetPasswordAsync(services, users.CoordinatorEmail);
        var queue = services.GetRequiredService<ReportQueryService>();
        var ranges = new List<(int Target, ReportFilter Filter, int Rows)>();
        foreach (var target in options.ExportRows)
        {
            var (filter, rows) = await DoneRangeAsync(queue, users, now, target, ct);
            ranges.Add((target, filter, rows));
        }

        var app = options.App ?? throw new ArgumentException("--app is required for the export (bench/dashboard-bench.sh passes it).");
        using var server = await AppProcess.StartAsync(app, options.Database, ct);
        using var http = await SignInAsync(server.BaseUrl, users.CoordinatorEmail, ct);
        Console.WriteLine($"app started (pid {server.Pid}, {server.BaseUrl}), signed in as {users.CoordinatorEmail}; anon RSS {server.RssMiB():0} MiB");

        // Warm-up: the first request of each endpoint pays JIT and the first queries.
        foreach (var format in new[] { "csv", "xlsx" })
        {
            _ = await ExportAsync(http, server, format, ranges[0].Filter, ranges[0].Rows, options, ct);
        }

        var results = new List<ExportResult>();
        foreach (var format in new[] { "csv", "xlsx" })
        {
            foreach (var (_, filter, rows) in ranges)
            {
                var r = await ExportAsync(http, server, format, filter, rows, options, ct);
                results.Add(r);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {format} {r.Rows,8:N0} rows ({r.Range}): {r.Seconds,5:0.00} s, first byte {r.FirstByteMs:0} ms, {r.Bytes / 1048576.0,6:0.0} MiB, anon RSS {r.BaselineMiB:0} → peak {r.PeakMiB:0} MiB (+{r.GrowthMiB:0}), server cpu {r.ServerCpuSeconds:0.00} s  {(r.Passed ? "pass" : "FAIL")}"));
            }
        }

        return results;
    }

    public static string Table(IEnumerable<ExportResult> results)
    {
        var w = new StringWriter(CultureInfo.InvariantCulture);
        w.WriteLine("| export | filter (coordinator, Done tab) | rows | size MiB | time s | first byte ms | server cpu s | anon RSS before MiB | anon RSS peak MiB | growth MiB | target | result |");
        w.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
        foreach (var r in results)
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Format.ToUpperInvariant()} | {r.Range} | {r.Rows:N0} | {r.Bytes / 1048576.0:0.0} | {r.Seconds:0.00} | {r.FirstByteMs:0} | {r.ServerCpuSeconds:0.00} | {r.BaselineMiB:0} | {r.PeakMiB:0} | {r.GrowthMiB:+0;-0;0} | < {TargetSeconds:0} s | {(r.Passed ? "pass" : "**FAIL**")} |"));
        }

        return w.ToString();
    }

    private static async Task SetPasswordAsync(IServiceProvider services, string email)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        if (!await users.CheckPasswordAsync(user, Password))
        {
            await users.RemovePasswordAsync(user);
            var result = await users.AddPasswordAsync(user, Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }
        }
    }

    /// <summary>
    /// The coordinator's Done tab received in the shortest run of local days, ending a week ago, that holds at least
    /// <paramref name="target"/> rows (binary search over the queue's own count).
    /// </summary>
    private static async Task<(ReportFilter Filter, int Rows)> DoneRangeAsync(ReportQueryService queue, BenchUsers users, DateTime now, int target, CancellationToken ct)
    {
        var to = DateOnly.FromDateTime(WorkingCalendar.ToLocal(now)).AddDays(-7);
        ReportFilter For(int days) => new() { Tab = QueueTab.Done, From = to.AddDays(1 - days), To = to };
        async Task<int> Count(int days) => (await queue.GetCountsAsync(users.Coordinator, For(days), ct)).Done;

        int low = 1, high = 400;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (await Count(mid) >= target)
            {
                high = mid;
            }
            else
            {
                low = mid + 1;
            }
        }

        return (For(low), await Count(low));
    }

    private static async Task<ExportResult> ExportAsync(HttpClient http, AppProcess server, string format, ReportFilter filter, int expected, DashboardOptions options, CancellationToken ct)
    {
        var url = ReportFilterUrl.For($"/api/export/reports.{format}", filter, QueueTab.New);
        var range = $"received {filter.From:yyyy-MM-dd} … {filter.To:yyyy-MM-dd}";
        var file = format == "xlsx" ? Path.Combine(Path.GetTempPath(), $"hg-dash-export-{Environment.ProcessId}.xlsx") : null;

        // Baseline: the server at rest, just before the request.
        var baseline = server.RssMiB();
        var peak = baseline;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.SampleMs));
            while (await timer.WaitForNextTickAsync(sampling.Token).ConfigureAwait(false))
            {
                peak = Math.Max(peak, server.RssMiB());
            }
        }, CancellationToken.None);

        var cpu = server.CpuSeconds();
        var clock = Stopwatch.StartNew();
        long bytes = 0, newlines = 0;
        double firstByte;
        using (var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, ct))
        {
            response.EnsureSuccessStatusCode();
            firstByte = clock.Elapsed.TotalMilliseconds;
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            await using var output = file is null ? Stream.Null : File.Create(file);
            var buffer = new byte[64 * 1024];
            int n;
            while ((n = await body.ReadAsync(buffer, ct)) > 0)
            {
                bytes += n;
                newlines += buffer.AsSpan(0, n).Count((byte)'\n');
                await output.WriteAsync(buffer.AsMemory(0, n), ct);
            }
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var serverCpu = server.CpuSeconds() - cpu;
        await sampling.CancelAsync();
        try
        {
            await sampler;
        }
        catch (OperationCanceledException)
        {
        }

        peak = Math.Max(peak, server.RssMiB());
        var rows = file is null ? (int)newlines - 1 : XlsxRows(file) - 1; // minus the header row
        if (file is not null)
        {
            File.Delete(file);
        }

        return new ExportResult(format, rows, expected, seconds, firstByte, bytes, baseline, peak, serverCpu, range);
    }

    /// <summary>Rows of the first worksheet, read as a stream (the file is not loaded as a document).</summary>
    private static int XlsxRows(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var sheet = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal));
        using var reader = System.Xml.XmlReader.Create(sheet.Open());
        var rows = 0;
        while (reader.Read())
        {
            if (reader.NodeType == System.Xml.XmlNodeType.Element && reader.LocalName == "row")
            {
                rows++;
            }
        }

        return rows;
    }

    /// <summary>Signed in through the real form (antiforgery token and all), as a browser would; keeps the cookie.</summary>
    private static async Task<HttpClient> SignInAsync(string baseUrl, string email, CancellationToken ct)
    {
        var cookies = new CookieContainer();
#pragma warning disable CA2000 // owned by the client
        var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
#pragma warning restore CA2000
        var page = await http.GetStringAsync(new Uri("/Account/Login", UriKind.Relative), ct);
        var fields = HiddenInput().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = Password;
        using var form = new FormUrlEncodedContent(fields);
        using var response = await http.PostAsync(new Uri("/Account/Login", UriKind.Relative), form, ct);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode}");
        }

        return http;
    }

    [GeneratedRegex("<input[^>]*?name=\"(?<name>[^\"]+)\"[^>]*?type=\"hidden\"[^>]*?value=\"(?<value>[^\"]*)\"|<input[^>]*?type=\"hidden\"[^>]*?name=\"(?<name>[^\"]+)\"[^>]*?value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}

/// <summary>The app as its own process (production settings, quiet logs) on a free port of 127.0.0.1.</summary>
internal sealed class AppProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private AppProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public int Pid => _process.Id;

    public static async Task<AppProcess> StartAsync(string appDll, string database, CancellationToken ct)
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var baseUrl = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [appDll])
        {
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var env = start.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["ASPNETCORE_URLS"] = baseUrl;
        env["Database__Provider"] = "Sqlite";
        env["ConnectionStrings__Portal"] = $"Data Source={database}";
        env["Demo__Seed"] = "false";
        env["Demo__Feed__Enabled"] = "false";
        env["Photos__Root"] = Path.Combine(Path.GetTempPath(), "hg-dash-photos");
        env["Logging__LogLevel__Default"] = "Warning";

        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), baseUrl);
        app._process.OutputDataReceived += (_, e) => app.Append(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (app._process.HasExited)
            {
                throw new InvalidOperationException("The app stopped:\n" + app.Log());
            }

            try
            {
                using var health = await http.GetAsync(new Uri("/health", UriKind.Relative), ct);
                if (health.IsSuccessStatusCode)
                {
                    return app;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(90))
            {
                app.Dispose();
                throw new TimeoutException("The app did not answer /health in 90 s:\n" + app.Log());
            }

            await Task.Delay(250, ct);
        }
    }

    /// <summary>
    /// The app's own resident memory (RssAnon: heap, stacks), without the pages of the database file that SQLite reads
    /// through a memory map (RssFile, the operating system's cache, which VmRSS would count).
    /// </summary>
    public double RssMiB()
    {
        foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
        {
            if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return double.NaN;
    }

    /// <summary>User + system CPU time of the app process so far.</summary>
    public double CpuSeconds()
    {
        _process.Refresh();
        return _process.TotalProcessorTime.TotalSeconds;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }
}
