using CoProduce.Web.Domain.Payments;
using static CoProduce.UnitTests.Payments.TestClaims;

namespace CoProduce.UnitTests.Payments;

/// <summary>
/// A bank transfer goes in a batch only when the person's bank details are held; the rest wait,
/// listed as needing bank details. Vouchers and money owed back never go in a batch.
/// </summary>
public sealed class BatchCandidatesTests
{
    [Theory]
    // Profiles 3 and 9 each have a bank transfer approved; which of them gave bank details.
    [InlineData(new int[0], new int[0], new[] { 2, 1 })]
    [InlineData(new[] { 3 }, new[] { 2 }, new[] { 1 })]
    [InlineData(new[] { 9 }, new[] { 1 }, new[] { 2 })]
    [InlineData(new[] { 3, 9 }, new[] { 2, 1 }, new int[0])]
    [InlineData(new[] { 4, 99 }, new int[0], new[] { 2, 1 })]
    public void OnlyPeopleWithBankDetails_GoInTheBatch(int[] withBankDetails, int[] ready, int[] needBankDetails)
    {
        var toPay = ClaimsToPay.From([
            Approved(id: 1, profileId: 9),
            Approved(id: 2, profileId: 3),
            Approved(method: ClaimPaymentMethod.Voucher, id: 5, profileId: 4),
        ]);

        var candidates = BatchCandidates.From(toPay, withBankDetails.ToHashSet());

        Assert.Equal(ready, candidates.Ready.Select(c => c.Id));
        Assert.Equal(needBankDetails, candidates.NeedBankDetails.Select(c => c.Id));
    }

    [Fact]
    public void AVoucher_IsNeverACandidate_WhateverTheBankDetails()
    {
        var toPay = ClaimsToPay.From([Approved(method: ClaimPaymentMethod.Voucher, id: 5, profileId: 4)]);

        var candidates = BatchCandidates.From(toPay, new HashSet<int> { 4 });

        Assert.Empty(candidates.Ready);
        Assert.Empty(candidates.NeedBankDetails);
    }

    [Fact]
    public void WhyNoBatch_SaysWhatIsMissing()
    {
        var one = ClaimsToPay.From([Approved(id: 1, profileId: 9)]);
        var none = ClaimsToPay.From([]);

        Assert.Null(BatchCandidates.From(one, new HashSet<int> { 9 }).WhyNoBatch);
        Assert.Equal("None of the approved bank transfers can be paid yet: the people they pay have not given their bank details.",
            BatchCandidates.From(one, new HashSet<int>()).WhyNoBatch);
        Assert.Equal("There are no approved bank transfers to pay, so there is nothing to put in a batch.",
            BatchCandidates.From(none, new HashSet<int>()).WhyNoBatch);
    }

    [Theory]
    [InlineData(1, 0, null)]
    [InlineData(1, 5, null)]
    [InlineData(8190, 0, null)]
    [InlineData(0, 0, "There are no approved bank transfers to pay, so there is nothing to put in a batch.")]
    [InlineData(0, 1, "None of the approved bank transfers can be paid yet: the people they pay have not given their bank details.")]
    [InlineData(0, 300, "None of the approved bank transfers can be paid yet: the people they pay have not given their bank details.")]
    public void WhyNone_FromTheCountsTheDatabaseGives(int ready, int needBankDetails, string? why) =>
        Assert.Equal(why, BatchCandidates.WhyNone(ready, needBankDetails));
}
