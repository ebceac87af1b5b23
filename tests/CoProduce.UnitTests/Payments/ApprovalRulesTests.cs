using CoProduce.Web.Domain.Payments;
using static CoProduce.UnitTests.TestMoney;

namespace CoProduce.UnitTests.Payments;

/// <summary>
/// Segregation of duties: nobody approves a claim that pays them, that they created, changed or
/// sent for someone, or whose attendance they recorded; a big claim needs two different approvers.
/// </summary>
public sealed class ApprovalRulesTests
{
    private const string PaysYou = "This claim pays you, so another finance officer must approve it.";
    private const string YouCreatedIt = "You created this claim, so another finance officer must approve it.";
    private const string YouPreparedIt = "You changed or sent this claim on the claimant's behalf, so another finance officer must approve it.";
    private const string YouRecordedTheAttendance = "You recorded the attendance this claim pays for, so another finance officer must approve it.";
    private const string YouApprovedIt = "You have approved this claim already. A claim over £500 needs a second, different finance officer to approve it.";

    private static readonly ApprovalRules Rules = new(Pounds(500m));

    // Claimant profile 7, made by "maker", changed or sent by "helper" (and the claimant's own
    // account), attendance recorded by "organiser", approved once so far by "first".
    private static readonly ClaimApprovalFacts Claim = new(7, "maker", ["helper", "claimant"], "organiser", Pounds(600m), ["first"]);

    public static TheoryData<string, int?, string?> WhoMayApprove => new()
    {
        // approver's user id, their own expert profile (if any), why refused (null: may approve)
        { "finance", null, null },
        { "finance", 8, null },
        { "finance", 7, PaysYou },
        { "claimant", 7, PaysYou },
        { "maker", null, YouCreatedIt },
        { "maker", 7, PaysYou },
        { "helper", null, YouPreparedIt },
        { "claimant", null, YouPreparedIt },
        { "organiser", null, YouRecordedTheAttendance },
        { "first", null, YouApprovedIt },
        { "first", 8, YouApprovedIt },
        // user ids are compared exactly: they are the system's ids, not names people type
        { "MAKER", null, null },
    };

    [Theory]
    [MemberData(nameof(WhoMayApprove))]
    public void RefusalFor_EachRule(string userId, int? profileId, string? whyRefused)
    {
        Assert.Equal(whyRefused, Rules.RefusalFor(Claim, new Approver(userId, profileId)));
    }

    public static TheoryData<string, string?> MakerWhoAlsoRecordedTheAttendance => new()
    {
        // the first rule that applies is the one given
        { "organiser", YouCreatedIt },
        { "helper", YouPreparedIt },
        { "other", null },
    };

    [Theory]
    [MemberData(nameof(MakerWhoAlsoRecordedTheAttendance))]
    public void RefusalFor_WhenTheOrganiserMadeTheClaimFromAttendance(string userId, string? whyRefused)
    {
        var fromAttendance = Claim with { CreatedByUserId = "organiser", ApprovedByUserIds = [] };

        Assert.Equal(whyRefused, Rules.RefusalFor(fromAttendance, new Approver(userId, null)));
    }

    public static TheoryData<decimal, decimal, int> ApprovalsNeededCases => new()
    {
        // second approval above, claim total, approvals needed
        { 500m, 0m, 1 },
        { 500m, 499.99m, 1 },
        { 500m, 500m, 1 },
        { 500m, 500.01m, 2 },
        { 500m, 10_000m, 2 },
        // a correction owed back counts by its size
        { 500m, -500m, 1 },
        { 500m, -500.01m, 2 },
        { 0m, 0m, 1 },
        { 0m, 0.01m, 2 },
        { 0m, -0.01m, 2 },
        { 250.50m, 250.50m, 1 },
        { 250.50m, 250.51m, 2 },
    };

    [Theory]
    [MemberData(nameof(ApprovalsNeededCases))]
    public void ApprovalsNeeded_SecondApproverOnlyAboveTheAmount(decimal threshold, decimal total, int needed)
    {
        var rules = new ApprovalRules(Pounds(threshold));

        Assert.Equal(needed, rules.ApprovalsNeeded(Pounds(total)));
        Assert.Equal(needed == 2, rules.NeedsSecondApproval(Pounds(total)));
    }

    [Fact]
    public void TheAmount_IsNotLessThanNothing()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ApprovalRules(Pounds(-0.01m)));
    }

    public static TheoryData<decimal, string?, ClaimStatus> SecondApproverCases => new()
    {
        // claim total (the fee), who approves second, status after (null: nobody second)
        { 500m, null, ClaimStatus.Approved },
        { 500.01m, null, ClaimStatus.AwaitingSecondApproval },
        { 500.01m, TestClaims.Finance1, ClaimStatus.AwaitingSecondApproval },
        { 500.01m, TestClaims.Finance2, ClaimStatus.Approved },
    };

    [Theory]
    [MemberData(nameof(SecondApproverCases))]
    public void OnAClaim_ASecondDifferentApproverAboveTheAmount(decimal fee, string? second, ClaimStatus after)
    {
        var claim = TestClaims.Submitted(fee);
        claim.Approve(TestClaims.FirstApprover, Rules, TestClaims.Now);

        if (second is not null)
        {
            _ = Record.Exception(() => claim.Approve(new Approver(second, null), Rules, TestClaims.Now));
        }

        Assert.Equal(after, claim.Status);
    }
}
