using CoProduce.Web.Domain.Roster;

namespace CoProduce.UnitTests.Activities;

public sealed class ExpertProfileTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void SpecialCategoryData_NeedsConsentFirst()
    {
        var profile = new ExpertProfile("user", "Jo", "jo@example.org", Now);

        Assert.False(profile.IsOnRoster);
        Assert.Throws<InvalidOperationException>(() => profile.SetLivedExperience([LivedExperienceArea.Carer], null, Now));
        Assert.Throws<InvalidOperationException>(() => profile.SetAccessNeeds([AccessNeed.EasyRead], null, null, Now));

        profile.GiveConsent("2026-11", Now);
        profile.SetLivedExperience([LivedExperienceArea.Carer, LivedExperienceArea.Other], "Kinship carer", Now);

        Assert.True(profile.IsOnRoster);
        Assert.Equal("2026-11", profile.CurrentConsent!.PrivacyNoticeVersion);
        Assert.Equal("Kinship carer", profile.LivedExperienceOther);
    }

    [Fact]
    public void WithdrawConsent_LeavesTheRosterAndClearsSpecialCategoryData()
    {
        var profile = new ExpertProfile("user", "Jo", "jo@example.org", Now);
        profile.GiveConsent("2026-11", Now);
        profile.SetLivedExperience([LivedExperienceArea.Autism], null, Now);
        profile.SetAccessNeeds([AccessNeed.AnotherLanguage, AccessNeed.QuietSpace], "Polish", null, Now);

        profile.WithdrawConsent(Now);

        Assert.False(profile.IsOnRoster);
        Assert.Empty(profile.LivedExperience);
        Assert.Empty(profile.AccessNeeds);
        Assert.Null(profile.Language);
        Assert.Equal("Jo", profile.PreferredName); // contact details are not special category data
    }

    [Fact]
    public void OtherText_IsKeptOnlyWhenOtherIsChosen()
    {
        var profile = new ExpertProfile("user", "Jo", "jo@example.org", Now);
        profile.GiveConsent("2026-11", Now);

        profile.SetAccessNeeds([AccessNeed.EasyRead], "Polish", "A hearing dog", Now);

        Assert.Null(profile.Language);
        Assert.Null(profile.AccessNeedsOther);
    }

    [Theory]
    [InlineData("jo@example.org", null, true)]
    [InlineData(null, "07700 900123", true)]
    [InlineData("  ", "", false)]
    public void SetContact_NeedsEmailOrPhone(string? email, string? phone, bool allowed)
    {
        var profile = new ExpertProfile("user", "Jo", "jo@example.org", Now);

        var error = Record.Exception(() => profile.SetContact("Jo", email, phone, ContactMethod.Phone, Now));

        Assert.Equal(allowed, error is null);
    }

    [Fact]
    public void Anonymise_RemovesPersonalData()
    {
        var profile = new ExpertProfile("user", "Jo Pritchard", "jo@example.org", Now);
        profile.GiveConsent("2026-11", Now);
        profile.SetContact("Jo Pritchard", "jo@example.org", "07700 900123", ContactMethod.Email, Now);

        profile.Anonymise(Now);

        Assert.Equal("Deleted person", profile.PreferredName);
        Assert.Null(profile.ContactEmail);
        Assert.Null(profile.ContactPhone);
        Assert.False(profile.IsOnRoster);
        Assert.Equal(Now, profile.AnonymisedUtc);
    }
}
