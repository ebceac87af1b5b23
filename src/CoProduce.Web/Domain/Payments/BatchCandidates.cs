namespace CoProduce.Web.Domain.Payments;

/// <summary>
/// The approved bank transfers that can go in the next payment batch: a bank transfer needs the
/// person's bank details to be paid, so a claim whose person has not given them waits, listed as
/// needing bank details, and goes in a later batch once they have. Nothing is lost and nothing is
/// exported with empty bank details.
/// </summary>
public sealed record BatchCandidates(IReadOnlyList<Claim> Ready, IReadOnlyList<Claim> NeedBankDetails)
{
    /// <param name="toPay">The approved claims waiting to be paid, sorted by how.</param>
    /// <param name="profilesWithBankDetails">The expert profiles whose bank details we hold.</param>
    public static BatchCandidates From(ClaimsToPay toPay, IReadOnlySet<int> profilesWithBankDetails)
    {
        ArgumentNullException.ThrowIfNull(toPay);
        ArgumentNullException.ThrowIfNull(profilesWithBankDetails);
        return new(
            toPay.BankTransfers.Where(c => profilesWithBankDetails.Contains(c.ExpertProfileId)).ToList(),
            toPay.BankTransfers.Where(c => !profilesWithBankDetails.Contains(c.ExpertProfileId)).ToList());
    }

    /// <summary>Why no batch can be made now, or null when one can.</summary>
    public string? WhyNoBatch => WhyNone(Ready.Count, NeedBankDetails.Count);

    /// <summary>Why no batch can be made, from how many claims are ready and how many need bank details; null when one can.</summary>
    public static string? WhyNone(int ready, int needBankDetails) => (ready, needBankDetails) switch
    {
        ( > 0, _) => null,
        (0, 0) => "There are no approved bank transfers to pay, so there is nothing to put in a batch.",
        _ => "None of the approved bank transfers can be paid yet: the people they pay have not given their bank details.",
    };
}
