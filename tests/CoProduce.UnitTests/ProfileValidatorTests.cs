using CoProduce.Web.Features.Profile;
using FluentValidation;

namespace CoProduce.UnitTests;

/// <summary>The profile forms' shape checks, with the words people will read.</summary>
public sealed class ProfileValidatorTests
{
    private static Dictionary<string, string> Errors<T>(IValidator<T> validator, T form) =>
        validator.Validate(form).Errors
            .GroupBy(e => e.PropertyName)
            .ToDictionary(g => g.Key, g => string.Join(" | ", g.Select(e => e.ErrorMessage)));

    public static TheoryData<string?, string?, string?, string?, string?> ContactCases => new()
    {
        // name, email, phone, preferred way, expected error (field: message) or null
        { "Jo", "jo@example.org", null, "Email", null },
        { "Jo", null, "07700 900982", "Phone", null },
        { "Jo", "  ", "07700 900982", "TextMessage", null },
        { "Jo", "jo@example.org", "07700 900982", "TextMessage", null },
        { "Jo", null, null, "Email", "Email: " + ContactFormValidator.NoContactMessage },
        { "Jo", " ", " ", "Phone", "Email: " + ContactFormValidator.NoContactMessage },
        { null, "jo@example.org", null, "Email", "PreferredName: Enter the name you like to be called" },
        { new string('a', 101), "jo@example.org", null, "Email", "PreferredName: Your name must be 100 characters or fewer" },
        { "Jo", "jo.example.org", null, "Email", "Email: Enter an email address in the correct format, like name@example.com" },
        { "Jo", "jo@example.org", "12345", "Email", "Phone: Enter a phone number, like 01632 960 001 or 07700 900 982" },
        { "Jo", "jo@example.org", "call me", "Email", "Phone: Enter a phone number, like 01632 960 001 or 07700 900 982" },
        { "Jo", "jo@example.org", null, "Phone", "PreferredContact: You chose phone call or text message. Enter a phone number, or choose email" },
        { "Jo", null, "01632 960001", "Email", "PreferredContact: You chose email. Enter an email address, or choose phone call or text message" },
        { "Jo", "jo@example.org", null, null, "PreferredContact: Select how you would like us to contact you" },
        { "Jo", "jo@example.org", null, "Fax", "PreferredContact: Select how you would like us to contact you" },
        { "Jo", "jo@example.org", null, "1", "PreferredContact: Select how you would like us to contact you" },
    };

    [Theory]
    [MemberData(nameof(ContactCases))]
    public void Contact_Cases(string? name, string? email, string? phone, string? preferred, string? expected)
    {
        var errors = Errors(new ContactFormValidator(), new ContactForm { PreferredName = name, Email = email, Phone = phone, PreferredContact = preferred });

        AssertOnly(expected, errors);
    }

    [Theory]
    [InlineData("01632 960 001", true)]
    [InlineData("0163 296 0001", true)]
    [InlineData("07700 900982", true)]
    [InlineData("07700-900-982", true)]
    [InlineData("(01632) 960001", true)]
    [InlineData("+44 7700 900 982", true)]
    [InlineData("+44 (0)7700 900982", true)]
    [InlineData("0800 123 456", true)]
    [InlineData("12345", false)]
    [InlineData("7700900982", false)]
    [InlineData("077009009821", false)]
    [InlineData("+1 555 123 4567", false)]
    [InlineData("phone me", false)]
    [InlineData("0７７００ ９００９８２", false)]
    [InlineData("+44 ٧٧٠٠٩٠٠٩٨٢", false)]
    public void LooksLikeUkPhone_IsLoose(string phone, bool expected) =>
        Assert.Equal(expected, ContactForm.LooksLikeUkPhone(phone));

    [Fact]
    public void Consent_NotTicked_AsksForAgreement()
    {
        var errors = Errors(new ConsentFormValidator(), new ConsentForm { Agree = false });

        Assert.Equal(ConsentFormValidator.NotTickedMessage, Assert.Contains("Agree", errors));
        Assert.Empty(Errors(new ConsentFormValidator(), new ConsentForm { Agree = true }));
    }

    public static TheoryData<string[], string?, string?, string?> AccessNeedsCases => new()
    {
        // needs, language, other, expected error or null
        { [], null, null, null },
        { ["EasyRead", "QuietSpace"], null, null, null },
        { ["AnotherLanguage"], "Urdu", null, null },
        { ["AnotherLanguage"], " ", null, "Language: Enter which language" },
        { ["Other"], null, null, "Other: Enter the other support you need" },
        { ["Other"], null, "A lift", null },
        { ["EasyRead"], "Urdu", null, null },
        { ["Sign language"], null, null, "Needs: Select from the list" },
        { ["AnotherLanguage"], new string('a', 101), null, "Language: Language must be 100 characters or fewer" },
    };

    [Theory]
    [MemberData(nameof(AccessNeedsCases))]
    public void AccessNeeds_Cases(string[] needs, string? language, string? other, string? expected)
    {
        var errors = Errors(new AccessNeedsFormValidator(), new AccessNeedsForm { Needs = [.. needs], Language = language, Other = other });

        AssertOnly(expected, errors);
    }

    [Theory]
    [InlineData(new[] { "Carer", "Other" }, null)]
    [InlineData(new string[0], null)]
    [InlineData(new[] { "carer" }, "Areas: Select from the list")]
    [InlineData(new[] { "3" }, "Areas: Select from the list")]
    [InlineData(new[] { "Carer,Autism" }, "Areas: Select from the list")]
    public void LivedExperience_OnlyChoicesFromTheList(string[] areas, string? expected) =>
        AssertOnly(expected, Errors(new LivedExperienceFormValidator(), new LivedExperienceForm { Areas = [.. areas] }));

    [Theory]
    [InlineData("Either", null, null)]
    [InlineData("InPerson", "0", null)]
    [InlineData("InPerson", " 500 ", null)]
    [InlineData("InPerson", "501", "TravelMiles")]
    [InlineData("InPerson", "-1", "TravelMiles")]
    [InlineData("InPerson", "1.5", "TravelMiles")]
    [InlineData("InPerson", "five", "TravelMiles")]
    [InlineData(null, null, "Mode")]
    [InlineData("Hybrid", null, "Mode")]
    public void Availability_Cases(string? mode, string? miles, string? expectedField)
    {
        var form = new AvailabilityForm { Days = ["Monday", "Sunday"], Times = ["Morning"], Mode = mode, TravelMiles = miles };

        var errors = Errors(new AvailabilityFormValidator(), form);

        if (expectedField is null)
        {
            Assert.Empty(errors);
            Assert.Equal(string.IsNullOrWhiteSpace(miles) ? null : int.Parse(miles, System.Globalization.CultureInfo.InvariantCulture), form.Miles);
        }
        else
        {
            Assert.Equal([expectedField], errors.Keys);
        }
    }

    [Theory]
    [InlineData("BankTransfer", true)]
    [InlineData("NoPayment", true)]
    [InlineData(null, false)]
    [InlineData("Cash", false)]
    public void Payment_MustBeAChoice(string? preference, bool valid) =>
        Assert.Equal(valid, Errors(new PaymentFormValidator(), new PaymentForm { Preference = preference }).Count == 0);

    private static void AssertOnly(string? expected, Dictionary<string, string> errors)
    {
        if (expected is null)
        {
            Assert.Empty(errors);
            return;
        }
        var separator = expected.IndexOf(':', StringComparison.Ordinal);
        var (field, message) = (expected[..separator], expected[(separator + 2)..]);
        Assert.Equal([field], errors.Keys);
        Assert.Equal(message, errors[field]);
    }
}
