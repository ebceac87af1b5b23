using CoProduce.Web.Data;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;

namespace CoProduce.Web.Features.Finance;

/// <summary>
/// The approved claims waiting to be paid, in the groups <see cref="Claim"/> and
/// <see cref="BatchCandidates"/> decide, as queries the database runs: the same rules as
/// <see cref="Claim.IsReadyForBatch"/>, <see cref="Claim.IsVoucherToIssue"/> and
/// <see cref="Claim.IsOwedBack"/>, with bank details held or not.
/// </summary>
public static class WaitingClaims
{
    /// <summary>Approved bank transfers with money to pay whose person has given bank details: what a batch takes.</summary>
    public static IQueryable<Claim> Ready(CoProduceDbContext db) =>
        BankTransfers(db).Where(c => db.PaymentDetails.Any(d => d.ExpertProfileId == c.ExpertProfileId && d.ProtectedBankDetails != null));

    /// <summary>Approved bank transfers with money to pay whose person has not given bank details yet.</summary>
    public static IQueryable<Claim> NeedBankDetails(CoProduceDbContext db) =>
        BankTransfers(db).Where(c => !db.PaymentDetails.Any(d => d.ExpertProfileId == c.ExpertProfileId && d.ProtectedBankDetails != null));

    /// <summary>Approved vouchers with money to pay, to be issued apart.</summary>
    public static IQueryable<Claim> Vouchers(CoProduceDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Claims.Where(c => c.Status == ClaimStatus.Approved && c.PaymentMethod == ClaimPaymentMethod.Voucher && c.Total > Money.Zero);
    }

    /// <summary>Approved corrections that take money back, recovered apart.</summary>
    public static IQueryable<Claim> OwedBack(CoProduceDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Claims.Where(c => c.Status == ClaimStatus.Approved && c.Total < Money.Zero);
    }

    private static IQueryable<Claim> BankTransfers(CoProduceDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Claims.Where(c => c.Status == ClaimStatus.Approved && c.PaymentMethod == ClaimPaymentMethod.BankTransfer && c.Total > Money.Zero);
    }
}
