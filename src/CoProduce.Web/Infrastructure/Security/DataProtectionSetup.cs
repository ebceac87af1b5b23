using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CoProduce.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

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

    /// <summary>
    /// At start-up, after the migrations and before anything encrypts: with a certificate named,
    /// every key in the table that is neither revoked nor expired must be readable with it (or a
    /// <c>Previous</c> one). Otherwise the instance would go on to make a new key, encrypted with
    /// the wrong certificate, and store it where the other instances cannot read it; so it stops
    /// here instead, having written nothing. Only reads the keys: never asks for the current key,
    /// which would make one.
    /// </summary>
    public static void CheckDataProtectionKeys(this WebApplication app)
    {
        var options = new DataProtectionCertificateOptions();
        app.Configuration.GetSection(DataProtectionCertificateOptions.Section).Bind(options);
        if (!options.Current.IsSet)
        {
            return;
        }
        var setting = string.IsNullOrWhiteSpace(options.Path)
            ? $"{DataProtectionCertificateOptions.Section}:Thumbprint"
            : $"{DataProtectionCertificateOptions.Section}:Path";
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var keys = app.Services.GetRequiredService<IKeyManager>().GetAllKeys();
        var unreadable = new List<Guid>();
        Exception? firstFailure = null;
        foreach (var key in keys.Where(k => !k.IsRevoked && k.ExpirationDate > now))
        {
            try
            {
                // Reading the descriptor decrypts the key's secret with the certificate.
                _ = key.Descriptor;
            }
            catch (Exception failed) when (failed is CryptographicException or InvalidOperationException or System.Xml.XmlException)
            {
                unreadable.Add(key.KeyId);
                firstFailure ??= failed;
            }
        }
        if (unreadable.Count == 0)
        {
            return;
        }
        var message = $"The certificate named by {setting} does not match the one the data-protection keys in the database were protected with: " +
            $"{unreadable.Count} of the current keys cannot be read ({string.Join(", ", unreadable)}). The portal has not started and has written no new key. " +
            $"Give this instance the same certificate as the others, and any certificate used before as {DataProtectionCertificateOptions.Section}:Previous:0 (see docs/deployment.md).";
        app.Logger.LogCritical(firstFailure, "{Message}", message);
        throw new InvalidOperationException(message, firstFailure);
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
            try
            {
                store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
            }
            catch (CryptographicException)
            {
                continue; // No such store here (on Linux the machine's "My" store may not exist).
            }
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
