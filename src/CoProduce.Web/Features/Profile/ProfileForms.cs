using System.Globalization;
using System.Text.RegularExpressions;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Account;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CoProduce.Web.Features.Profile;

/// <summary>The words people see for each choice, in the order they see them.</summary>
public static class ProfileChoices
{
    public static readonly IReadOnlyList<(LivedExperienceArea Value, string Text)> LivedExperience =
    [
        (LivedExperienceArea.Carer, "Caring for someone (carer)"),
        (LivedExperienceArea.YoungCarer, "Young carer"),
        (LivedExperienceArea.LearningDisability, "Learning disability"),
        (LivedExperienceArea.Autism, "Autism"),
        (LivedExperienceArea.MentalHealth, "Mental health"),
        (LivedExperienceArea.PhysicalDisability, "Physical disability"),
        (LivedExperienceArea.SensoryImpairment, "Sight or hearing loss (sensory impairment)"),
        (LivedExperienceArea.OlderPeople, "Being an older person"),
        (LivedExperienceArea.DomesticAbuse, "Domestic abuse"),
        (LivedExperienceArea.Homelessness, "Homelessness"),
        (LivedExperienceArea.SubstanceUse, "Drug or alcohol use"),
        (LivedExperienceArea.RefugeeOrAsylum, "Being a refugee or seeking asylum"),
        (LivedExperienceArea.Other, "Other"),
    ];

    public static readonly IReadOnlyList<(AccessNeed Value, string Text)> AccessNeeds =
    [
        (AccessNeed.EasyRead, "Easy read documents"),
        (AccessNeed.LargePrint, "Large print"),
        (AccessNeed.BslInterpreter, "A British Sign Language (BSL) interpreter"),
        (AccessNeed.AnotherLanguage, "An interpreter for another spoken language"),
        (AccessNeed.HearingLoop, "A hearing loop"),
        (AccessNeed.StepFreeAccess, "Step-free access (no stairs or steps)"),
        (AccessNeed.SupportWorker, "A support worker or personal assistant (PA) comes with me"),
        (AccessNeed.QuietSpace, "A quiet space"),
        (AccessNeed.RegularBreaks, "Regular breaks"),
        (AccessNeed.Other, "Other"),
    ];

    public static readonly IReadOnlyList<(DayOfWeek Value, string Text)> Days =
    [
        (DayOfWeek.Monday, "Monday"),
        (DayOfWeek.Tuesday, "Tuesday"),
        (DayOfWeek.Wednesday, "Wednesday"),
        (DayOfWeek.Thursday, "Thursday"),
        (DayOfWeek.Friday, "Friday"),
        (DayOfWeek.Saturday, "Saturday"),
        (DayOfWeek.Sunday, "Sunday"),
    ];

    public static readonly IReadOnlyList<(TimeOfDay Value, string Text)> Times =
    [
        (TimeOfDay.Morning, "Mornings"),
        (TimeOfDay.Afternoon, "Afternoons"),
        (TimeOfDay.Evening, "Evenings"),
    ];

    public static readonly IReadOnlyList<(TakingPart Value, string Text)> Modes =
    [
        (TakingPart.InPerson, "In person"),
        (TakingPart.Online, "Online"),
        (TakingPart.Either, "Either, in person or online"),
    ];

    public static readonly IReadOnlyList<(ContactMethod Value, string Text)> ContactMethods =
    [
        (ContactMethod.Email, "Email"),
        (ContactMethod.Phone, "Phone call"),
        (ContactMethod.TextMessage, "Text message"),
    ];

    public static readonly IReadOnlyList<(PaymentPreference Value, string Text)> Payments =
    [
        (PaymentPreference.BankTransfer, "Bank transfer"),
        (PaymentPreference.Voucher, "Voucher"),
        (PaymentPreference.NoPayment, "Do not pay me for my time (I can still claim expenses)"),
    ];

    public static IEnumerable<SelectListItem> Items<T>(IReadOnlyList<(T Value, string Text)> choices)
        where T : struct, Enum =>
        choices.Select(c => new SelectListItem(c.Text, c.Value.ToString()));

    public static string Text<T>(IReadOnlyList<(T Value, string Text)> choices, T value)
        where T : struct, Enum =>
        choices.First(c => EqualityComparer<T>.Default.Equals(c.Value, value)).Text;

    /// <summary>The chosen values in the order of the list, as the words people see.</summary>
    public static IReadOnlyList<string> Texts<T>(IReadOnlyList<(T Value, string Text)> choices, IEnumerable<T> values)
        where T : struct, Enum
    {
        var chosen = values.ToHashSet();
        return choices.Where(c => chosen.Contains(c.Value)).Select(c => c.Text).ToList();
    }

    /// <summary>Reads posted values; only for a form that has passed its validator.</summary>
    public static List<T> Parse<T>(IEnumerable<string> values)
        where T : struct, Enum =>
        values.Select(v => Enum.Parse<T>(v)).Distinct().ToList();

    public static bool IsChoice<T>(string? value)
        where T : struct, Enum =>
        value is not null && Enum.GetNames<T>().Contains(value, StringComparer.Ordinal);
}

public sealed class ConsentForm
{
    public bool Agree { get; set; }

    public static IEnumerable<SelectListItem> Choices =>
        [new("I agree that the council can keep my lived experience and access needs, to invite me to activities and support me to take part", "true")];
}

public sealed class ConsentFormValidator : AbstractValidator<ConsentForm>
{
    public const string NotTickedMessage = "Select that you agree, if you want to tell us about your lived experience";

    public ConsentFormValidator() => RuleFor(f => f.Agree).Equal(true).WithMessage(NotTickedMessage);
}

public sealed partial class ContactForm
{
    public const int PhoneMaxLength = 30;

    public string? PreferredName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? PreferredContact { get; set; }

    public static ContactForm From(ExpertProfile p) => new()
    {
        PreferredName = p.PreferredName,
        Email = p.ContactEmail,
        Phone = p.ContactPhone,
        PreferredContact = p.PreferredContact.ToString(),
    };

    /// <summary>Only for a form that has passed its validator.</summary>
    public ContactDetails ToContact() => new(PreferredName!.Trim(), Email, Phone, Enum.Parse<ContactMethod>(PreferredContact!));

    /// <summary>
    /// A loose check of a UK phone number: 10 or 11 digits starting 0, or +44 (with or without the 0) and 9 or 10 more.
    /// Spaces, dashes, dots and brackets are allowed between the digits.
    /// </summary>
    public static bool LooksLikeUkPhone(string phone)
    {
        var digits = SeparatorsPattern().Replace(phone.Trim(), string.Empty);
        return UkPhonePattern().IsMatch(digits);
    }

    [GeneratedRegex(@"[\s\-\.\(\)]")]
    private static partial Regex SeparatorsPattern();

    // [0-9], not \d: \d also matches other scripts' digits, which no phone system dials.
    [GeneratedRegex(@"^(0[0-9]{9,10}|\+440?[0-9]{9,10})$")]
    private static partial Regex UkPhonePattern();
}

public sealed class ContactFormValidator : AbstractValidator<ContactForm>
{
    public const string NoContactMessage = "Enter an email address or a phone number, so we can contact you";

    public ContactFormValidator()
    {
        RuleFor(f => f.PreferredName)
            .NotEmpty().WithMessage("Enter the name you like to be called")
            .MaximumLength(ExpertProfile.NameMaxLength).WithMessage($"Your name must be {ExpertProfile.NameMaxLength} characters or fewer");

        RuleFor(f => f.Email)
            .NotEmpty().When(f => string.IsNullOrWhiteSpace(f.Phone)).WithMessage(NoContactMessage);
        RuleFor(f => f.Email).SendableEmail();

        RuleFor(f => f.Phone)
            .Cascade(CascadeMode.Stop)
            .MaximumLength(ContactForm.PhoneMaxLength).WithMessage($"Phone number must be {ContactForm.PhoneMaxLength} characters or fewer")
            .Must(p => ContactForm.LooksLikeUkPhone(p!)).WithMessage("Enter a phone number, like 01632 960 001 or 07700 900 982")
            .When(f => !string.IsNullOrWhiteSpace(f.Phone));

        RuleFor(f => f.PreferredContact)
            .Must(ProfileChoices.IsChoice<ContactMethod>).WithMessage("Select how you would like us to contact you");
        RuleFor(f => f.PreferredContact)
            .Must((form, method) => method != nameof(ContactMethod.Email) || !string.IsNullOrWhiteSpace(form.Email))
            .WithMessage("You chose email. Enter an email address, or choose phone call or text message")
            .Must((form, method) => method is not (nameof(ContactMethod.Phone) or nameof(ContactMethod.TextMessage)) || !string.IsNullOrWhiteSpace(form.Phone))
            .WithMessage("You chose phone call or text message. Enter a phone number, or choose email")
            .When(f => !string.IsNullOrWhiteSpace(f.Email) || !string.IsNullOrWhiteSpace(f.Phone));
    }
}

public sealed class LivedExperienceForm
{
    public List<string> Areas { get; set; } = [];
    public string? Other { get; set; }

    public static LivedExperienceForm From(ExpertProfile p) => new()
    {
        Areas = p.LivedExperience.Select(a => a.ToString()).ToList(),
        Other = p.LivedExperienceOther,
    };

    /// <summary>Only for a form that has passed its validator.</summary>
    public LivedExperienceAnswer ToAnswer() => new(ProfileChoices.Parse<LivedExperienceArea>(Areas), Other);
}

public sealed class LivedExperienceFormValidator : AbstractValidator<LivedExperienceForm>
{
    public LivedExperienceFormValidator()
    {
        RuleFor(f => f.Areas)
            .Must(areas => areas.All(ProfileChoices.IsChoice<LivedExperienceArea>)).WithMessage("Select from the list");
        RuleFor(f => f.Other)
            .MaximumLength(ExpertProfile.TextMaxLength).WithMessage($"Other lived experience must be {ExpertProfile.TextMaxLength} characters or fewer");
    }
}

public sealed class AccessNeedsForm
{
    public const int LanguageMaxLength = 100;

    public List<string> Needs { get; set; } = [];
    public string? Language { get; set; }
    public string? Other { get; set; }

    public static AccessNeedsForm From(ExpertProfile p) => new()
    {
        Needs = p.AccessNeeds.Select(n => n.ToString()).ToList(),
        Language = p.Language,
        Other = p.AccessNeedsOther,
    };

    /// <summary>Only for a form that has passed its validator.</summary>
    public AccessNeedsAnswer ToAnswer() => new(ProfileChoices.Parse<AccessNeed>(Needs), Language, Other);
}

public sealed class AccessNeedsFormValidator : AbstractValidator<AccessNeedsForm>
{
    public AccessNeedsFormValidator()
    {
        RuleFor(f => f.Needs)
            .Must(needs => needs.All(ProfileChoices.IsChoice<AccessNeed>)).WithMessage("Select from the list");
        RuleFor(f => f.Language)
            .NotEmpty().When(f => f.Needs.Contains(nameof(AccessNeed.AnotherLanguage))).WithMessage("Enter which language")
            .MaximumLength(AccessNeedsForm.LanguageMaxLength).WithMessage($"Language must be {AccessNeedsForm.LanguageMaxLength} characters or fewer");
        RuleFor(f => f.Other)
            .NotEmpty().When(f => f.Needs.Contains(nameof(AccessNeed.Other))).WithMessage("Enter the other support you need")
            .MaximumLength(ExpertProfile.TextMaxLength).WithMessage($"Other support must be {ExpertProfile.TextMaxLength} characters or fewer");
    }
}

public sealed class AvailabilityForm
{
    public const int MaximumMiles = 500;

    public List<string> Days { get; set; } = [];
    public List<string> Times { get; set; } = [];
    public string? Mode { get; set; }
    public string? TravelMiles { get; set; }

    /// <summary>The distance, when it is a whole number (the validator says so when it is not).</summary>
    public int? Miles => int.TryParse(TravelMiles?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var miles) ? miles : null;

    public static AvailabilityForm From(ExpertProfile p) => new()
    {
        Days = p.AvailableDays.Select(d => d.ToString()).ToList(),
        Times = p.TimesOfDay.Select(t => t.ToString()).ToList(),
        Mode = p.Mode.ToString(),
        TravelMiles = p.TravelMiles?.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Only for a form that has passed its validator.</summary>
    public AvailabilityAnswer ToAnswer() =>
        new(ProfileChoices.Parse<DayOfWeek>(Days), ProfileChoices.Parse<TimeOfDay>(Times), Enum.Parse<TakingPart>(Mode!), Miles);
}

public sealed class AvailabilityFormValidator : AbstractValidator<AvailabilityForm>
{
    public AvailabilityFormValidator()
    {
        RuleFor(f => f.Days)
            .Must(days => days.All(ProfileChoices.IsChoice<DayOfWeek>)).WithMessage("Select days from the list");
        RuleFor(f => f.Times)
            .Must(times => times.All(ProfileChoices.IsChoice<TimeOfDay>)).WithMessage("Select times of day from the list");
        RuleFor(f => f.Mode)
            .Must(ProfileChoices.IsChoice<TakingPart>).WithMessage("Select how you would like to take part");
        RuleFor(f => f.TravelMiles)
            .Must(text => int.TryParse(text!.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var miles) && miles <= AvailabilityForm.MaximumMiles)
            .When(f => !string.IsNullOrWhiteSpace(f.TravelMiles))
            .WithMessage($"Enter how far you can travel as a whole number of miles, like 5, up to {AvailabilityForm.MaximumMiles}");
    }
}

public sealed class PaymentForm
{
    public string? Preference { get; set; }

    public static PaymentForm From(ExpertProfile p) => new() { Preference = p.PaymentPreference?.ToString() };

    /// <summary>Only for a form that has passed its validator.</summary>
    public PaymentPreference ToPreference() => Enum.Parse<PaymentPreference>(Preference!);
}

public sealed class PaymentFormValidator : AbstractValidator<PaymentForm>
{
    public PaymentFormValidator() =>
        RuleFor(f => f.Preference)
            .Must(ProfileChoices.IsChoice<PaymentPreference>).WithMessage("Select how you would like to be paid");
}
