using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Features.Payments;

namespace CoProduce.UnitTests.Payments;

/// <summary>What people read about an activity's pay before they sign up and in their confirmation.</summary>
public sealed class PayTextTests
{
    public static TheoryData<FixedFee?, bool, string> Cases => new()
    {
        { new FixedFee(1, 1, RateKind.PerHour, Money.FromPounds(25m), false, true), true, "You will be paid £25 an hour, including travel time. We also pay your expenses." },
        { new FixedFee(1, 2, RateKind.PerSession, Money.FromPounds(75m), false, false), true, "You will be paid £75 a session. We also pay your expenses." },
        { new FixedFee(1, 1, RateKind.PerHalfDay, Money.FromPence(7050), false, false), true, "You will be paid £70.50 a half day. We also pay your expenses." },
        { null, false, "This activity is not paid, but we pay your expenses." },
        // Saved as paid before activities named a rate: it still says it pays for time.
        { null, true, "You will be paid for your time. We also pay your expenses." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ForPerson_SaysWhatTheActivityPays_AndThatExpensesArePaid(FixedFee? fee, bool activityIsPaid, string expected) =>
        Assert.Equal(expected, PayText.ForPerson(fee, activityIsPaid));

    [Fact]
    public void FeeForAudit_NamesTheRateItemItsVersionAndTerms()
    {
        Assert.Equal("Fee fixed from rate item 4 version 2: £25 an hour, including preparation time.",
            PayText.FeeForAudit(new FixedFee(4, 2, RateKind.PerHour, Money.FromPounds(25m), true, false)));
        Assert.Equal("No fee: not paid for time.", PayText.FeeForAudit(null));
    }
}
