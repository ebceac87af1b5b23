using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CoProduce.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoProduce.IntegrationTests;

/// <summary>
/// The real app on a real Kestrel server over HTTPS (with a throwaway self-signed certificate),
/// for what only a real server does: request body limits, and the status line it writes. The
/// app's log is captured so that tests can check a line was written.
/// </summary>
public sealed class KestrelPortal : IDisposable
{
    private readonly X509Certificate2 _certificate;

    public KestrelPortal()
    {
        _certificate = TestCertificate.Create();
        App = new CoProduceAppFactory { TestServices = services => services.AddSingleton<ILoggerProvider>(Log) };
        App.UseKestrel(options => options.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(_certificate)));
        App.StartServer();
        var address = App.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseAddress = new Uri(address);
    }

    public CoProduceAppFactory App { get; }

    public Uri BaseAddress { get; }

    public CapturedLog Log { get; } = new();

    /// <summary>A browser-like client: keeps cookies, does not follow redirects, trusts the test certificate.</summary>
    public KestrelBrowser CreateBrowser() => new(BaseAddress, _certificate.GetCertHashString());

    public void Dispose()
    {
        App.Dispose();
        _certificate.Dispose();
    }
}

/// <summary>A signed-in (or anonymous) browser on the Kestrel portal, which can also send raw, hostile requests.</summary>
public sealed class KestrelBrowser : IDisposable
{
    private readonly CookieContainer _cookies = new();
    private readonly Uri _baseAddress;
    private readonly string _certificateHash;

    internal KestrelBrowser(Uri baseAddress, string certificateHash)
    {
        _baseAddress = baseAddress;
        _certificateHash = certificateHash;
        Client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = _cookies,
            SslOptions = { RemoteCertificateValidationCallback = IsTheTestServer },
        })
        {
            BaseAddress = baseAddress,
        };
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();

    /// <summary>Only the certificate the test server was given is trusted.</summary>
    private bool IsTheTestServer(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        certificate is not null && string.Equals(certificate.GetCertHashString(), _certificateHash, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Sends one HTTP/1.1 request over its own TLS connection, exactly as given, with this
    /// browser's cookies. The body is written while the answer is read, so a server that answers
    /// before reading it all (a body too large) is still heard. Returns the raw answer.
    /// </summary>
    public async Task<RawResponse> SendRawAsync(string method, string path, string contentType, byte[] body, long? declaredLength = null)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_baseAddress.Host, _baseAddress.Port);
        await using var tls = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, IsTheTestServer);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "localhost" });
        var headers = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{method} {path} HTTP/1.1\r\n")
            .Append(CultureInfo.InvariantCulture, $"Host: {_baseAddress.Authority}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: {contentType}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {declaredLength ?? body.Length}\r\n")
            .Append("Connection: close\r\n");
        var cookieHeader = _cookies.GetCookieHeader(_baseAddress);
        if (cookieHeader.Length > 0)
        {
            headers.Append(CultureInfo.InvariantCulture, $"Cookie: {cookieHeader}\r\n");
        }
        headers.Append("\r\n");
        await tls.WriteAsync(Encoding.ASCII.GetBytes(headers.ToString()));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var reading = ReadToEndAsync(tls, timeout.Token);
        try
        {
            for (var offset = 0; offset < body.Length && !reading.IsCompleted; offset += 64 * 1024)
            {
                await tls.WriteAsync(body.AsMemory(offset, Math.Min(64 * 1024, body.Length - offset)), timeout.Token);
            }
            await tls.FlushAsync(timeout.Token);
        }
        catch (IOException)
        {
            // The server answered and closed the connection before taking the whole body.
        }
        return RawResponse.Parse(await reading);
    }

    private static async Task<byte[]> ReadToEndAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var received = new MemoryStream();
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (IOException)
        {
            // A reset after the answer: what arrived is the answer.
        }
        return received.ToArray();
    }
}

/// <summary>What came back, as the server wrote it: the status line and its code, the headers and the (de-chunked) body.</summary>
public sealed record RawResponse(string StatusLine, int StatusCode, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public static RawResponse Parse(byte[] raw)
    {
        var headerEnd = raw.AsSpan().IndexOf("\r\n\r\n"u8);
        if (headerEnd < 0)
        {
            return new RawResponse(Encoding.Latin1.GetString(raw).Split("\r\n")[0], -1, new Dictionary<string, string>(), string.Empty);
        }
        var lines = Encoding.Latin1.GetString(raw, 0, headerEnd).Split("\r\n");
        var parts = lines[0].Split(' ', 3);
        var code = parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : -1;
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(p => p[1].Trim())), StringComparer.OrdinalIgnoreCase);
        var body = raw.AsSpan(headerEnd + 4).ToArray();
        if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Dechunk(body);
        }
        return new RawResponse(lines[0], code, headers, Encoding.UTF8.GetString(body));
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        using var result = new MemoryStream();
        var position = 0;
        while (position < chunked.Length)
        {
            var lineLength = chunked.AsSpan(position).IndexOf("\r\n"u8);
            if (lineLength < 0 || !int.TryParse(Encoding.ASCII.GetString(chunked, position, lineLength).Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var size) || size == 0)
            {
                break;
            }
            var start = position + lineLength + 2;
            var take = Math.Min(size, chunked.Length - start);
            result.Write(chunked, start, take);
            position = start + size + 2;
        }
        return result.ToArray();
    }
}

/// <summary>Every log line the app writes, kept in memory for tests to read.</summary>
public sealed class CapturedLog : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Category, LogLevel Level, string Message)> _lines = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Message)> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<(string, LogLevel, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Enqueue((category, logLevel, formatter(state, exception) + (exception is null ? string.Empty : " " + exception.GetType().Name + ": " + exception.Message)));
            }
        }
    }
}
