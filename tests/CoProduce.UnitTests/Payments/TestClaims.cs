using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using static CoProduce.UnitTests.TestMoney;

namespace CoProduce.UnitTests.Payments;

/// <summary>Claims for tests: a person (profile 7) whose attendance the organiser recorded, and finance officers.</summary>
internal static class TestClaims
{
    public const int ClaimantProfileId = 7;
    public const string Organiser = "organiser";
    public const string ClaimantUser = "claimant";
    public const string Finance1 = "finance-1";
    public const string Finance2 = "finance-2";

    public static readonly DateTime Now = new(2026, 6, 15, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>One approver is enough for claims up to £500.</summary>
    public static readonly ApprovalRules Rules = new(Pounds(500m));

    public static readonly Approver FirstApprover = new(Finance1, null);
    public static readonly Approver SecondApprover = new(Finance2, 99);

    public static ClaimAttendance Attendance(int profileId = ClaimantProfileId) => new(profileId, 3, 11, Organiser);

    public static Claim Draft(decimal? fee = 40m, ClaimPaymentMethod method = ClaimPaymentMethod.BankTransfer, int profileId = ClaimantProfileId) =>
        Claim.FromAttendance(Attendance(profileId), fee is { } pounds ? Pounds(pounds) : null, method, Organiser, Now);

    public static Claim Submitted(decimal? fee = 40m, ClaimPaymentMethod method = ClaimPaymentMethod.BankTransfer)
    {
        var claim = Draft(fee, method);
        claim.Submit(ClaimantUser, Now.AddHours(1));
        return claim;
    }

    public static Claim Approved(decimal? fee = 40m, ClaimPaymentMethod method = ClaimPaymentMethod.BankTransfer, int id = 1, int profileId = ClaimantProfileId)
    {
        var claim = Draft(fee, method, profileId).Saved(id);
        claim.Submit(ClaimantUser, Now.AddHours(1));
        claim.Approve(FirstApprover, Rules, Now.AddHours(2));
        return claim;
    }

    /// <summary>A claim in the given status, the ordinary way there: a £40 fee, by bank transfer.</summary>
    public static Claim InStatus(ClaimStatus status)
    {
        switch (status)
        {
            case ClaimStatus.Draft:
                return Draft();
            case ClaimStatus.Submitted:
                return Submitted();
            case ClaimStatus.Queried:
                var queried = Submitted();
                queried.Query("Was the taxi needed?", Finance1, Now.AddHours(2));
                return queried;
            case ClaimStatus.AwaitingSecondApproval:
                var big = Submitted();
                big.Approve(FirstApprover, new ApprovalRules(Pounds(10m)), Now.AddHours(2));
                return big;
            case ClaimStatus.Rejected:
                var rejected = Submitted();
                rejected.Reject("Not at this activity", Finance1, Now.AddHours(2));
                return rejected;
            case ClaimStatus.Approved:
                return Approved();
            case ClaimStatus.Batched:
                var batched = Approved();
                _ = new PaymentBatch([batched], Finance2, Now.AddHours(3));
                return batched;
            case ClaimStatus.Paid:
                var paid = Approved();
                var batch = new PaymentBatch([paid], Finance2, Now.AddHours(3));
                batch.KeepExport("file", Finance2, Now.AddHours(4));
                batch.MarkPaid([paid], Finance2, Now.AddDays(1));
                return paid;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, null);
        }
    }

    /// <summary>As if saved: the database gives a claim its id.</summary>
    public static Claim Saved(this Claim claim, int id)
    {
        typeof(Claim).GetProperty(nameof(Claim.Id))!.SetValue(claim, id);
        return claim;
    }

    public static Money Total(this IEnumerable<Claim> claims) => claims.Aggregate(Money.Zero, (sum, c) => sum + c.Total);
}
