using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Domain.Payments;

/// <summary>The finance officer deciding: their user id, and their expert profile if they also take part as an expert.</summary>
public sealed record Approver(string UserId, int? ExpertProfileId);

/// <summary>
/// What segregation of duties needs to know about a claim. <paramref name="PreparedByUserIds"/>
/// are the people who changed or sent it (for the claimant or on their behalf);
/// <paramref name="ApprovedByUserIds"/> are the approvals since it was last sent.
/// </summary>
public sealed record ClaimApprovalFacts(
    int ClaimantProfileId,
    string CreatedByUserId,
    IReadOnlyCollection<string> PreparedByUserIds,
    string AttendanceRecordedByUserId,
    Money Total,
    IReadOnlyCollection<string> ApprovedByUserIds);

/// <summary>
/// Segregation of duties on claims: who may approve one, and how many approvers it needs. The
/// amount above which a second approver is needed is a setting, passed in.
/// </summary>
public sealed class ApprovalRules
{
    public ApprovalRules(Money secondApprovalAbove)
    {
        if (secondApprovalAbove.IsNegative)
        {
            throw new ArgumentOutOfRangeException(nameof(secondApprovalAbove), secondApprovalAbove, "The second approval amount is £0 or more.");
        }
        SecondApprovalAbove = secondApprovalAbove;
    }

    /// <summary>A claim for more than this (either way: paid out or owed back) needs two different approvers.</summary>
    public Money SecondApprovalAbove { get; }

    // A correction owed back is as weighty as one paid out, so the size counts, not the sign.
    public bool NeedsSecondApproval(Money total) => total > SecondApprovalAbove || total < -SecondApprovalAbove;

    public int ApprovalsNeeded(Money total) => NeedsSecondApproval(total) ? 2 : 1;

    /// <summary>Why this approver may not approve this claim, or null when they may.</summary>
    public string? RefusalFor(ClaimApprovalFacts claim, Approver approver)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(approver);
        var user = approver.UserId;
        if (approver.ExpertProfileId == claim.ClaimantProfileId)
        {
            return "This claim pays you, so another finance officer must approve it.";
        }
        if (user == claim.CreatedByUserId)
        {
            return "You created this claim, so another finance officer must approve it.";
        }
        if (claim.PreparedByUserIds.Contains(user, StringComparer.Ordinal))
        {
            return "You changed or sent this claim on the claimant's behalf, so another finance officer must approve it.";
        }
        if (user == claim.AttendanceRecordedByUserId)
        {
            return "You recorded the attendance this claim pays for, so another finance officer must approve it.";
        }
        if (claim.ApprovedByUserIds.Contains(user, StringComparer.Ordinal))
        {
            return $"You have approved this claim already. A claim over {SecondApprovalAbove} needs a second, different finance officer to approve it.";
        }
        return null;
    }
}
