using System.Security.Cryptography.X509Certificates;
using CoProduce.Web.Data;
using Microsoft.AspNetCore.DataProtection;

namespace CoProduce.Web.Infrastructure.Security;

/// <summary>A certificate named in configuration: a PFX file and its password, or a thumbprint in a certificate store.</summary>
public sealed class CertificateReference
{
    /// <summary>A PFX (PKCS#12) file with the private key. Relative to the app's folder unless absolute.</summary>
    public string? Path { get; set; }

    public string? Password { get; set; }

    /// <summary>Looked up in the "My" store of the current user, then of the machine.</summary>
    public string? Thumbprint { get; set; }

    public bool IsSet => !string.IsNullOrWhiteSpace(Path) || !string.IsNullOrWhiteSpace(Thumbprint);
}

/// <summary>Section <c>DataProtection:Certificate</c>: the certificate that encrypts the keys, and those it replaced.</summary>
public sealed class DataProtectionCertificateOptions
{
    public const string Section = "DataProtection:Certificate";

    public string? Path { get; set; }

    public string? Password { get; set; }

    public string? Thumbprint { get; set; }

    /// <summary>Certificates used before, still needed to read the keys they encrypted (each a Path and Password, or a Thumbprint).</summary>
    public IList<CertificateReference> Previous { get; } = [];

    public CertificateReference Current => new() { Path = Path, Password = Password, Thumbprint = Thumbprint };
}

/// <summary>
/// The keys that protect cookies, form tokens, reset links and bank details live in the database
/// (<c>DataProtectionKeys</c>), so that every instance reads the others' cookies. With a certificate
/// named in configuration, each key is encrypted with it before it is stored: someone who can read
/// the database, or a backup of it, cannot use the keys without the certificate's private key.
/// </summary>
internal static class DataProtectionSetup
{
    public static IServiceCollection AddCoProduceDataProtection(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var builder = services.AddDataProtection().SetApplicationName("CoProduce").PersistKeysToDbContext<CoProduceDbContext>();
        var options = new DataProtectionCertificateOptions();
        configuration.GetSection(DataProtectionCertificateOptions.Section).Bind(options);
        if (options.Current.IsSet)
        {
            var certificate = Load(options.Current, environment, "DataProtection:Certificate");
            // New keys are encrypted with this one; keys it or an earlier certificate encrypted can be read.
            builder.ProtectKeysWithCertificate(certificate);
            var previous = options.Previous.Where(p => p.IsSet)
                .Select((p, i) => Load(p, environment, $"DataProtection:Certificate:Previous:{i}"));
            builder.UnprotectKeysWithAnyCertificate([certificate, .. previous]);
        }
        else if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            services.AddHostedService<UnencryptedKeysWarning>();
        }
        return services;
    }

    private static X509Certificate2 Load(CertificateReference reference, IHostEnvironment environment, string setting)
    {
        if (!string.IsNullOrWhiteSpace(reference.Path))
        {
            var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(environment.ContentRootPath, reference.Path));
            if (!File.Exists(path))
            {
                throw new InvalidOperationException($"{setting}:Path names a file that does not exist: {path}");
            }
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, reference.Password);
            return HasPrivateKey(certificate, $"{setting}:Path");
        }
        var thumbprint = reference.Thumbprint!.Replace(" ", string.Empty, StringComparison.Ordinal);
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            using var store = new X509Store(StoreName.My, location);
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
            if (found.Count > 0)
            {
                return HasPrivateKey(found[0], $"{setting}:Thumbprint");
            }
        }
        throw new InvalidOperationException($"{setting}:Thumbprint {thumbprint} is not in the current user's or the machine's \"My\" certificate store.");
    }

    private static X509Certificate2 HasPrivateKey(X509Certificate2 certificate, string setting) =>
        certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"The certificate named by {setting} has no private key: the keys it encrypts could not be read back.");
}

/// <summary>Says at start-up, outside Development and tests, that the keys are stored unencrypted.</summary>
internal sealed class UnencryptedKeysWarning(ILogger<UnencryptedKeysWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning("No certificate is set to protect the data-protection keys (DataProtection:Certificate:Path or :Thumbprint): " +
            "they are stored in the database unencrypted, and anyone who can read the database can forge sign-in cookies. See docs/deployment.md");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
