namespace CoProduce.Web.Domain.Payments;

/// <summary>Where a claim stands, as a person's payment statement adds it up.</summary>
public enum StatementGroup
{
    /// <summary>Paid: by bank transfer in a batch, or a voucher issued.</summary>
    Paid,

    /// <summary>Approved by finance and waiting to be paid, in a batch or not yet.</summary>
    ApprovedNotPaid,

    /// <summary>Sent to finance and not decided yet, including a claim finance asked a question about.</summary>
    WithFinance,

    /// <summary>Not sent yet: the person still has to finish it.</summary>
    Draft,

    /// <summary>Rejected: nothing is paid, so it is in no total.</summary>
    Rejected,
}

/// <summary>Which total of a person's statement each claim counts in.</summary>
public static class StatementGroups
{
    /// <summary>The groups that have a total on the statement, in the order it shows them.</summary>
    public static readonly IReadOnlyList<StatementGroup> Totalled =
        [StatementGroup.Paid, StatementGroup.ApprovedNotPaid, StatementGroup.WithFinance, StatementGroup.Draft];

    public static StatementGroup Of(ClaimStatus status) => status switch
    {
        ClaimStatus.Paid => StatementGroup.Paid,
        ClaimStatus.Approved or ClaimStatus.Batched => StatementGroup.ApprovedNotPaid,
        ClaimStatus.Submitted or ClaimStatus.AwaitingSecondApproval or ClaimStatus.Queried => StatementGroup.WithFinance,
        ClaimStatus.Draft => StatementGroup.Draft,
        ClaimStatus.Rejected => StatementGroup.Rejected,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A claim status the statement does not know."),
    };
}
