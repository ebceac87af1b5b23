using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CoProduce.Web.Infrastructure.Security;

/// <summary>How many attempts in how long, for one address or one account.</summary>
public sealed class RateLimit
{
    public int Permits { get; set; }
    public int WindowSeconds { get; set; }

    public RateLimit()
    {
    }

    public RateLimit(int permits, int windowSeconds) => (Permits, WindowSeconds) = (permits, windowSeconds);
}

/// <summary>The limits on one kind of request, per client address and per account typed.</summary>
public sealed class RateLimitPair
{
    public RateLimit PerAddress { get; set; } = new();

    /// <summary>Per email address typed (or account named); none for PDFs.</summary>
    public RateLimit? PerAccount { get; set; }
}

/// <summary>
/// Limits on the requests an attacker repeats: guessing passwords, registering or sending reset
/// emails in bulk, and making the server print PDFs. Kept in memory by each instance.
/// </summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimiting";

    public RateLimitPair SignIn { get; set; } = new() { PerAddress = new(10, 60), PerAccount = new(10, 15 * 60) };
    // Per address: generous enough for a workshop's shared Wi-Fi, where several people register
    // at once and some need a few tries at a password; per account: tight, so that nobody can flood
    // one person with emails.
    public RateLimitPair Registration { get; set; } = new() { PerAddress = new(20, 15 * 60), PerAccount = new(5, 15 * 60) };
    public RateLimitPair PasswordReset { get; set; } = new() { PerAddress = new(20, 15 * 60), PerAccount = new(5, 15 * 60) };
    public RateLimitPair Pdf { get; set; } = new() { PerAddress = new(30, 60) };

    internal RateLimitPair For(RateLimitedRequest.Kind kind) => kind switch
    {
        RateLimitedRequest.Kind.SignIn => SignIn,
        RateLimitedRequest.Kind.Registration => Registration,
        RateLimitedRequest.Kind.PasswordReset => PasswordReset,
        _ => Pdf,
    };
}

/// <summary>Which requests are limited, and which form field names the account.</summary>
public static class RateLimitedRequest
{
    public enum Kind
    {
        None,
        SignIn,
        Registration,
        PasswordReset,
        Pdf,
    }

    /// <summary>The field that names the account (the email typed, or the user in a reset link), if any.</summary>
    public static (Kind Kind, string? AccountField) Classify(string method, string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return (Kind.None, null);
        }
        if (HttpMethods.IsPost(method))
        {
            return path.TrimEnd('/').ToLowerInvariant() switch
            {
                "/sign-in" => (Kind.SignIn, "Email"),
                // The second step: codes from the app and recovery codes count as sign-in attempts too.
                "/sign-in/two-factor" => (Kind.SignIn, null),
                "/sign-in/recovery-code" => (Kind.SignIn, null),
                "/register" => (Kind.Registration, "Email"),
                "/register/confirm" => (Kind.Registration, null),
                "/forgot-password" => (Kind.PasswordReset, "Email"),
                "/reset-password" => (Kind.PasswordReset, "UserId"),
                _ => (Kind.None, null),
            };
        }
        // Routing matches "/x.pdf/" as well as "/x.pdf": so does the limit.
        if ((HttpMethods.IsGet(method) || HttpMethods.IsHead(method)) && path.TrimEnd('/').EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            return (Kind.Pdf, null);
        }
        return (Kind.None, null);
    }

    /// <summary>
    /// The client's address as the limiter counts it: after the forwarded-headers handling, and
    /// for IPv6 the /64 network, which one household or device is usually given whole.
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes) + "/64";
        }
        return address.ToString();
    }

    /// <summary>
    /// An account as typed, the same however it is spelt: " Jo@Example.org " is JO@EXAMPLE.ORG.
    /// Normalised as Identity normalises an email to find the account (Unicode form C, then upper
    /// case), so that a spelling Identity treats as the same account is the same counter here.
    /// </summary>
    public static string? AccountKey(string? typed) =>
        string.IsNullOrWhiteSpace(typed) ? null : typed.Trim().Normalize().ToUpperInvariant();

    /// <summary>
    /// The value the page will bind, as model binding finds it: the first value in the form, else
    /// the first in the query string. A repeated field or one moved to the address counts as the
    /// account it will sign in to.
    /// </summary>
    public static string? AccountTyped(Microsoft.Extensions.Primitives.StringValues inForm, Microsoft.Extensions.Primitives.StringValues inQuery) =>
        inForm.Count > 0 ? inForm[0] : inQuery.Count > 0 ? inQuery[0] : null;

    /// <summary>The page to go back to after a refusal: the form that was refused, or the home page for a PDF.</summary>
    public static (string Path, string Text) WhereToGoBack(string? refusedPath) =>
        Classify(HttpMethods.Post, refusedPath).Kind switch
        {
            Kind.SignIn => ("/sign-in", "Go back to sign in"),
            Kind.Registration => ("/register", "Go back to create an account"),
            Kind.PasswordReset => ("/forgot-password", "Go back to reset your password"),
            _ => ("/", "Go to the home page"),
        };

    /// <summary>Whole minutes to wait, at least one.</summary>
    public static int MinutesToWait(TimeSpan retryAfter) =>
        Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
}

internal static class RateLimitSetup
{
    private const string AccountItem = "CoProduce.RateLimitedAccount";

    public static IServiceCollection AddCoProduceRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitSettings>(configuration.GetSection(RateLimitSettings.Section));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Both must allow the attempt: one address trying many accounts, and many addresses trying one account.
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(ByAddress),
                PartitionedRateLimiter.Create<HttpContext, string>(ByAccount));
            options.OnRejected = (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var response = context.HttpContext.Response;
                response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                response.Headers.CacheControl = "no-store";
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>()
                    .CreateLogger(typeof(RateLimitSetup))
                    .LogWarning("Too many requests to {Path} from {Client}; refused for {Seconds} seconds",
                        context.HttpContext.Request.Path, RateLimitedRequest.ClientKey(context.HttpContext.Connection.RemoteIpAddress), (int)retryAfter.TotalSeconds);
                // No body: the status code pages show the "Too many attempts" page.
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>
    /// After the forwarded headers (so the address is the client's) and routing. The account is
    /// read from the form first, because the limiter decides without waiting.
    /// </summary>
    public static void UseCoProduceRateLimiting(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var (kind, field) = RateLimitedRequest.Classify(context.Request.Method, context.Request.Path.Value);
            if (kind != RateLimitedRequest.Kind.None && field is not null && context.Request.HasFormContentType)
            {
                try
                {
                    var form = await context.Request.ReadFormAsync(context.RequestAborted);
                    context.Items[AccountItem] = RateLimitedRequest.AccountKey(RateLimitedRequest.AccountTyped(form[field], context.Request.Query[field]));
                }
                catch (Exception exception) when (exception is InvalidDataException or IOException or BadHttpRequestException)
                {
                    // The form is read again (and refused the same way) where it is used.
                }
            }
            await next(context);
        });
        app.UseRateLimiter();
    }

    private static RateLimitPartition<string> ByAddress(HttpContext context)
    {
        var (kind, _) = RateLimitedRequest.Classify(context.Request.Method, context.Request.Path.Value);
        if (kind == RateLimitedRequest.Kind.None)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }
        var limit = Options(context).For(kind).PerAddress;
        return Partition($"{Counter(context, kind)}|{RateLimitedRequest.ClientKey(context.Connection.RemoteIpAddress)}", limit, kind);
    }

    private static RateLimitPartition<string> ByAccount(HttpContext context)
    {
        var (kind, field) = RateLimitedRequest.Classify(context.Request.Method, context.Request.Path.Value);
        var limit = kind == RateLimitedRequest.Kind.None ? null : Options(context).For(kind).PerAccount;
        if (field is null || limit is null || context.Items[AccountItem] is not string account)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }
        return Partition($"{Counter(context, kind)}|account|{account}", limit, kind);
    }

    /// <summary>Each form has its own count; every PDF shares one, whichever document it is.</summary>
    private static string Counter(HttpContext context, RateLimitedRequest.Kind kind) =>
        kind == RateLimitedRequest.Kind.Pdf ? "pdf" : context.Request.Path.Value!.TrimEnd('/').ToLowerInvariant();

    private static RateLimitPartition<string> Partition(string key, RateLimit limit, RateLimitedRequest.Kind kind) =>
        RateLimitPartition.GetFixedWindowLimiter($"{kind}|{key}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit.Permits),
            Window = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds)),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static RateLimitSettings Options(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<RateLimitSettings>>().Value;
}
