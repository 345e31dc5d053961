using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HauGiang.Portal.Tests.Infrastructure;

/// <summary>A real redis-server (Debian's) on a free loopback port, for the scale-out tests; stopped on dispose.</summary>
public sealed class RedisServer : IDisposable
{
    private Process? _process;

    public RedisServer()
    {
        Port = FreePort();
        Start();
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public void Start()
    {
        var exe = File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : "redis-server";
        _process = Process.Start(new ProcessStartInfo(exe, $"--port {Port} --bind 127.0.0.1 --save \"\" --appendonly no --protected-mode yes")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new InvalidOperationException("redis-server did not listen on port " + Port);
    }

    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        _process = null;
    }

    public void Dispose() => Stop();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
