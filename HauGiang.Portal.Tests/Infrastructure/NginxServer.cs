using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;

namespace HauGiang.Portal.Tests.Infrastructure;

/// <summary>
/// A real nginx (Debian's) in front of the test's instances, run with the site configuration of docs/deploy.md as
/// written there: only its addresses, ports and certificate paths are replaced. Everything of its own (pid, logs, temp
/// folders, a self-signed certificate for 127.0.0.1) lives in a temp folder; stopped by its pid on dispose.
/// </summary>
public sealed partial class NginxServer : IDisposable
{
    public const string Executable = "/usr/sbin/nginx";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hg-nginx-" + Guid.NewGuid().ToString("N"));
    private readonly Process _process;

    /// <param name="upstreams">The instances' base addresses (http://127.0.0.1:port), in place of the documented two.</param>
    public NginxServer(IReadOnlyList<string> upstreams)
    {
        Directory.CreateDirectory(_folder);
        HttpPort = FreePort();
        HttpsPort = FreePort();
        (CertificateSha256, SpkiSha256) = WriteCertificate();

        var site = DocumentedSite();
        site = Replace(site, "server 10.0.0.11:8080", "server " + new Uri(upstreams[0]).Authority);
        site = Replace(site, "server 10.0.0.12:8080", "server " + new Uri(upstreams[1]).Authority);
        site = Replace(site, "listen 80;", $"listen 127.0.0.1:{HttpPort};");
        site = Replace(site, "listen 443 ssl;", $"listen 127.0.0.1:{HttpsPort} ssl;");
        site = Replace(site, "/etc/ssl/haugiang/fullchain.pem", Path.Combine(_folder, "cert.pem"));
        site = Replace(site, "/etc/ssl/haugiang/privkey.pem", Path.Combine(_folder, "key.pem"));
        File.WriteAllText(Path.Combine(_folder, "haugiang-portal.conf"), site);

        // The main file nginx.conf has on Debian, reduced to what a test needs: everything in our folder.
        var main = $$"""
            worker_processes 1;
            pid {{_folder}}/nginx.pid;
            error_log {{_folder}}/error.log warn;
            events { worker_connections 256; }
            http {
                log_format upstream '$remote_addr $upstream_addr $status "$request"';
                access_log {{_folder}}/access.log upstream;
                client_body_temp_path {{_folder}}/client_body;
                proxy_temp_path {{_folder}}/proxy;
                fastcgi_temp_path {{_folder}}/fastcgi;
                uwsgi_temp_path {{_folder}}/uwsgi;
                scgi_temp_path {{_folder}}/scgi;
                include {{_folder}}/haugiang-portal.conf;
            }
            """;
        var mainPath = Path.Combine(_folder, "nginx.conf");
        File.WriteAllText(mainPath, main);

        _process = Process.Start(new ProcessStartInfo(Executable, ["-p", _folder, "-c", mainPath, "-g", "daemon off;"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("nginx did not start");
        WaitForPort(HttpsPort);
    }

    public static bool Installed => File.Exists(Executable);

    public int HttpPort { get; }

    public int HttpsPort { get; }

    public string HttpsUrl => $"https://127.0.0.1:{HttpsPort}";

    /// <summary>The test certificate's SHA-256 (hex): clients trust exactly this one.</summary>
    public string CertificateSha256 { get; }

    /// <summary>Base64 SHA-256 of its public key, for Chromium's <c>--ignore-certificate-errors-spki-list</c>.</summary>
    public string SpkiSha256 { get; }

    /// <summary>nginx's access log: client address, the instance it chose, status, request line.</summary>
    public string AccessLog => File.ReadAllText(Path.Combine(_folder, "access.log"));

    /// <summary>nginx's error log, for failure messages.</summary>
    public string ErrorLog => File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : "";

    /// <summary>The nginx block of docs/deploy.md, between its markers.</summary>
    public static string DocumentedSite()
    {
        var deploy = File.ReadAllText(Path.Combine(Repository.Root, "docs", "deploy.md"));
        var block = SiteBlock().Match(deploy);
        Assert.True(block.Success, "docs/deploy.md has no ```nginx block between <!-- nginx-begin --> and <!-- nginx-end -->");
        return block.Groups["conf"].Value;
    }

    /// <summary>An HTTP client that trusts only this nginx's certificate, connecting from <paramref name="from"/> (a loopback address).</summary>
    public HttpClient Client(string from = "127.0.0.1", CookieContainer? cookies = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = cookies ?? new CookieContainer(),
            ConnectCallback = (context, ct) => ConnectFromAsync(IPAddress.Parse(from), context.DnsEndPoint, ct),
        };
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => Trusted(certificate);
        return new HttpClient(handler) { BaseAddress = new Uri(HttpsUrl) };
    }

    public bool Trusted(X509Certificate? certificate) =>
        certificate is not null && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), CertificateSha256, StringComparison.OrdinalIgnoreCase);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left to the system's temp cleaning.
        }
    }

    private static async ValueTask<Stream> ConnectFromAsync(IPAddress from, DnsEndPoint to, CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(from, 0));
            await socket.ConnectAsync(IPAddress.Parse(to.Host), to.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static string Replace(string text, string documented, string actual)
    {
        Assert.True(text.Contains(documented, StringComparison.Ordinal), $"The documented nginx configuration no longer has '{documented}'");
        return text.Replace(documented, actual, StringComparison.Ordinal);
    }

    /// <summary>A self-signed certificate for 127.0.0.1, valid over a fixed, wide span (no clock read).</summary>
    private (string Sha256, string Spki) WriteCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2099, 12, 31, 0, 0, 0, TimeSpan.Zero));
        File.WriteAllText(Path.Combine(_folder, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(_folder, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        return (certificate.GetCertHashString(HashAlgorithmName.SHA256), Convert.ToBase64String(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo())));
    }

    private void WaitForPort(int port)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx stopped: {_process.StandardError.ReadToEnd()} {ErrorLog}");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new InvalidOperationException("nginx did not listen on port " + port + ": " + ErrorLog);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"<!-- nginx-begin -->\s*```nginx\n(?<conf>.*?)```\s*<!-- nginx-end -->", RegexOptions.Singleline)]
    private static partial Regex SiteBlock();
}
