using System.Text.Json;
using CoProduce.Web.Domain.Payments;
using Microsoft.AspNetCore.DataProtection;

namespace CoProduce.Web.Features.Payments;

/// <summary>
/// Encrypts bank details before they are stored and decrypts them for the two who may read them:
/// the person, and finance (for the payment export). Uses ASP.NET Core Data Protection, whose keys
/// every instance shares through the database, under a purpose of its own so that no other
/// protected value (a cookie, a token) can be turned into bank details or the other way round.
/// </summary>
public sealed class BankDetailsProtector(IDataProtectionProvider provider)
{
    private const string Purpose = "CoProduce.Payments.BankDetails.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);
    private readonly IDataProtector _files = provider.CreateProtector("CoProduce.Payments.BatchExport.v1");

    public string Protect(BankDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        var json = JsonSerializer.Serialize(new Stored(details.AccountName, details.SortCode, details.AccountNumber));
        return _protector.Protect(json);
    }

    public BankDetails Unprotect(string protectedValue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(protectedValue);
        var stored = JsonSerializer.Deserialize<Stored>(_protector.Unprotect(protectedValue))
            ?? throw new InvalidOperationException("Stored bank details could not be read.");
        return BankDetails.Create(stored.AccountName, stored.SortCode, stored.AccountNumber);
    }

    /// <summary>A payment batch's file, which holds bank details, encrypted for keeping with its batch.</summary>
    public string ProtectFile(byte[] content) => Convert.ToBase64String(_files.Protect(content));

    public byte[] UnprotectFile(string protectedFile) => _files.Unprotect(Convert.FromBase64String(protectedFile));

    private sealed record Stored(string AccountName, string SortCode, string AccountNumber);
}
