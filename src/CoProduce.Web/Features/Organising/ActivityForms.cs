using System.Globalization;
using System.Text.RegularExpressions;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.EasyRead;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Infrastructure.GovUk;
using FluentValidation;
using CoProduce.Web.Features.Activities;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CoProduce.Web.Features.Organising;

public sealed class ActivityForm
{
    public string? ProjectId { get; set; }
    public string? Title { get; set; }
    public string? Type { get; set; }
    public string? Description { get; set; }

    /// <summary>What the activity is about in easy read (optional): it opens the easy-read invitation and the programme.</summary>
    public string? EasyReadSummary { get; set; }

    public DateParts Date { get; set; } = new();
    public string? StartTime { get; set; }
    public string? EndTime { get; set; }
    public string? Mode { get; set; }
    public string? Venue { get; set; }
    public string? AccessInformation { get; set; }
    public string? JoiningInstructions { get; set; }
    public string? Places { get; set; }
    public List<string> LivedExperienceSought { get; set; } = [];
    public string? Rung { get; set; }
    /// <summary>How people are paid for their time: a rate item's id, or "none" (expenses only).</summary>
    public string? PayBy { get; set; }
    public DateParts SignUpClosesOn { get; set; } = new();
    public string? RequirementCode { get; set; }

    /// <summary>The version of the activity the form was filled in from, so that a change saved since is not overwritten unseen.</summary>
    public Guid? Version { get; set; }

    /// <summary>The activity being changed; null for a new one. Never posted.</summary>
    [BindNever]
    public int? ActivityId { get; set; }

    /// <summary>The choices the form offers. Never posted.</summary>
    [BindNever]
    public ActivityFormChoices? Choices { get; set; }

    /// <summary>
    /// The plain-English checker's advice on the easy-read summary as it stands in the form: the
    /// saved text, or what was posted when the form is shown again. It never stops a save.
    /// </summary>
    public IReadOnlyList<PlainEnglishWarning> EasyReadWarnings => PlainEnglishChecker.Check(EasyReadSummary);

    public static ActivityForm From(Activity a) => new()
    {
        ActivityId = a.Id,
        Version = a.Version,
        ProjectId = a.ProjectId.ToString(CultureInfo.InvariantCulture),
        Title = a.Title,
        Type = a.Type.ToString(),
        Description = a.Description,
        EasyReadSummary = a.EasyReadSummary,
        Date = DateParts.From(a.Date),
        StartTime = a.StartTime.ToString("HH:mm", CultureInfo.InvariantCulture),
        EndTime = a.EndTime.ToString("HH:mm", CultureInfo.InvariantCulture),
        Mode = a.Mode.ToString(),
        Venue = a.Venue,
        AccessInformation = a.AccessInformation,
        JoiningInstructions = a.JoiningInstructions,
        Places = a.Places.ToString(CultureInfo.InvariantCulture),
        LivedExperienceSought = a.LivedExperienceSought.Select(x => x.ToString()).ToList(),
        Rung = a.Rung.ToString(),
        // An activity marked paid before it could name a rate has no choice yet: the organiser makes one.
        PayBy = a.RateItemId?.ToString(CultureInfo.InvariantCulture) ?? (a.IsPaid ? null : NotPaid),
        SignUpClosesOn = DateParts.From(a.SignUpClosesOn),
        RequirementCode = a.RequirementCode,
    };

    public ActivitySchedule Schedule() => new(Date.ToDate()!.Value, TimeText.Parse(StartTime)!.Value, TimeText.Parse(EndTime)!.Value, SignUpClosesOn.ToDate()!.Value);

    public ActivityPlace Place() => new(Enum.Parse<ActivityMode>(Mode!), Blank(Venue), Blank(AccessInformation), Blank(JoiningInstructions));

    public IEnumerable<LivedExperienceArea> Areas() => LivedExperienceSought.Select(Enum.Parse<LivedExperienceArea>);

    /// <summary>The activity's details, for a form that has passed its validator.</summary>
    public ActivityDetails Details() => new(Title!.Trim(), Enum.Parse<ActivityType>(Type!), Description!.Trim(), Schedule(), Place(),
        int.Parse(Places!, CultureInfo.InvariantCulture), Areas().ToHashSet(), Enum.Parse<LadderRung>(Rung!), ChosenRateItemId(), Blank(EasyReadSummary));

    public const string NotPaid = "none";

    /// <summary>The rate item chosen, or null for "not paid for time" (or no valid choice).</summary>
    public int? ChosenRateItemId() => int.TryParse(PayBy, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;

    public int? ChosenProjectId() => int.TryParse(ProjectId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static IEnumerable<SelectListItem> Types => Enum.GetValues<ActivityType>().Select(t => new SelectListItem(Words.Type(t), t.ToString())).Prepend(new SelectListItem("Select a type", ""));
    public static IEnumerable<SelectListItem> Modes => Enum.GetValues<ActivityMode>().Select(m => new SelectListItem(Words.Mode(m), m.ToString()));
    public static IEnumerable<SelectListItem> Rungs => Enum.GetValues<LadderRung>().Reverse().Select(r => new SelectListItem(Words.Rung(r), r.ToString()));
    public static IEnumerable<SelectListItem> AreaChoices => Enum.GetValues<LivedExperienceArea>().Select(a => new SelectListItem(Words.Area(a), a.ToString()));
}

public sealed class ActivityFormValidator : AbstractValidator<ActivityForm>
{
    /// <summary>Only the names of the choices: Enum.TryParse would also take "1" or "2,3".</summary>
    private static bool IsName<T>(string? value)
        where T : struct, Enum => value is not null && Enum.GetNames<T>().Contains(value, StringComparer.Ordinal);

    public ActivityFormValidator(TimeProvider clock)
    {
        RuleFor(f => f.ProjectId).Must(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out _)).WithMessage("Select the commissioning project");
        RuleFor(f => f.Title).NotEmpty().WithMessage("Enter a title people will understand")
            .MaximumLength(Activity.TitleMaxLength).WithMessage("Title must be 200 characters or fewer");
        RuleFor(f => f.Type).Must(v => IsName<ActivityType>(v)).WithMessage("Select the type of activity");
        RuleFor(f => f.Description).NotEmpty().WithMessage("Describe the activity in plain English")
            .MaximumLength(Activity.TextMaxLength).WithMessage("Description must be 2,000 characters or fewer");
        RuleFor(f => f.EasyReadSummary).Must(t => t is null || t.Trim().Length <= Activity.TextMaxLength)
            .WithMessage("Easy-read summary must be 2,000 characters or fewer");
        RuleFor(f => f.Date).Must(d => d.ToDate() is not null).WithMessage("Enter the date of the activity, like 27 3 2027")
            .Must(d => d.ToDate() is not { } date || date >= Domain.Common.UkTime.Today(clock)).WithMessage("The date of the activity must be today or in the future");
        RuleFor(f => f.StartTime).Must(t => TimeText.Parse(t) is not null).WithMessage("Enter the start time, like 10am or 14:30");
        RuleFor(f => f.EndTime).Must(t => TimeText.Parse(t) is not null).WithMessage("Enter the end time, like 12:30pm or 16:00")
            .Must((f, t) => TimeText.Parse(f.StartTime) is not { } start || TimeText.Parse(t) is not { } end || end > start)
            .WithMessage("The end time must be after the start time");
        RuleFor(f => f.Mode).Must(v => IsName<ActivityMode>(v)).WithMessage("Select in person, online or both");
        RuleFor(f => f.Venue).NotEmpty().When(f => f.Mode is "InPerson" or "Hybrid").WithMessage("Enter where the activity is");
        RuleFor(f => f.JoiningInstructions).NotEmpty().When(f => f.Mode is "Online" or "Hybrid").WithMessage("Enter how people join online");
        RuleFor(f => f.Venue).MaximumLength(Activity.TextMaxLength).WithMessage("Where must be 2,000 characters or fewer");
        RuleFor(f => f.AccessInformation).MaximumLength(Activity.TextMaxLength).WithMessage("Access information must be 2,000 characters or fewer");
        RuleFor(f => f.JoiningInstructions).MaximumLength(Activity.TextMaxLength).WithMessage("How to join must be 2,000 characters or fewer");
        RuleFor(f => f.Places).Must(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 500)
            .WithMessage("Enter the number of places, from 1 to 500");
        RuleFor(f => f.LivedExperienceSought).Must(list => list.All(IsName<LivedExperienceArea>))
            .WithMessage("Select lived experience from the list");
        RuleFor(f => f.Rung).Must(v => IsName<LadderRung>(v)).WithMessage("Select how much this activity shares power");
        RuleFor(f => f.PayBy).Must((f, v) => v == ActivityForm.NotPaid || f.ChosenRateItemId() is not null)
            .WithMessage("Select how people are paid for their time, or not paid for time");
        RuleFor(f => f.SignUpClosesOn).Must(d => d.ToDate() is not null).WithMessage("Enter the date sign-up closes, like 20 3 2027")
            .Must((f, d) => d.ToDate() is not { } closes || f.Date.ToDate() is not { } date || closes <= date)
            .WithMessage("Sign-up must close on or before the day of the activity");
    }
}

/// <summary>Times as people type them: "10am", "2:30pm", "14:30", "9.15".</summary>
public static partial class TimeText
{
    public static TimeOnly? Parse(string? text)
    {
        var match = TimePattern().Match((text ?? string.Empty).Trim().ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal));
        if (!match.Success)
        {
            return null;
        }
        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var half = match.Groups["ampm"].Value;
        if (half.Length > 0)
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }
            hour = hour % 12 + (half == "pm" ? 12 : 0);
        }
        return hour is >= 0 and <= 23 && minute is >= 0 and <= 59 ? new TimeOnly(hour, minute) : null;
    }

    // [0-9], not \d: \d also matches other scripts' digits, which int.Parse does not read.
    [GeneratedRegex(@"^(?<h>[0-9]{1,2})([:.](?<m>[0-9]{2}))?(?<ampm>am|pm)?$")]
    private static partial Regex TimePattern();
}

public sealed class DeclineForm
{
    public string? Message { get; set; }

    /// <summary>Who the form is about. Never posted.</summary>
    [BindNever]
    public SignUpPageModel? Page { get; set; }

    /// <summary>The activity page's list of sign-ups the organiser came from, to go back to.</summary>
    public SignUpListView List { get; set; } = new();
}

public sealed class DeclineFormValidator : AbstractValidator<DeclineForm>
{
    public DeclineFormValidator() =>
        RuleFor(f => f.Message).NotEmpty().WithMessage("Enter a kind message to explain, and what they could do instead")
            .MaximumLength(Activity.TextMaxLength).WithMessage("The message must be 2,000 characters or fewer");
}

/// <summary>
/// Attendance, with the time given in hours as people write them ("2.5"): the activity itself,
/// and the paid preparation and travel time, kept apart because payments need both.
/// </summary>
public sealed class AttendanceForm
{
    public string? Attendance { get; set; }
    public string? Hours { get; set; }
    public string? PreparationHours { get; set; }
    public string? TravelHours { get; set; }
    public string? Preparation { get; set; }
    public string? CheckIn { get; set; }
    public string? Debrief { get; set; }

    /// <summary>Who the form is about. Never posted.</summary>
    [BindNever]
    public SignUpPageModel? Page { get; set; }

    /// <summary>The activity page's list of sign-ups the organiser came from, to go back to.</summary>
    public SignUpListView List { get; set; } = new();

    /// <summary>
    /// Hours as whole minutes, when they are a number from <paramref name="least"/> to 24 with at
    /// most 2 decimal places (so 2.25 is 135 minutes, 1.33 is 80); otherwise null.
    /// </summary>
    public static int? ReadMinutes(string? text, decimal least) =>
        decimal.TryParse(text?.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours) && hours >= least && hours <= 24 && decimal.Round(hours, 2) == hours
            ? (int)decimal.Round(hours * 60, MidpointRounding.AwayFromZero)
            : null;

    /// <summary>The time to keep: only someone who attended has any. Only for a form that has passed its validator.</summary>
    public TimeGiven? TimeToKeep() => Attendance == nameof(Domain.Activities.Attendance.Attended)
        ? new TimeGiven(ReadMinutes(Hours, 0.01m)!.Value, OptionalMinutes(PreparationHours), OptionalMinutes(TravelHours))
        : null;

    public SessionNotes Notes() => new(Blank(Preparation), Blank(CheckIn), Blank(Debrief));

    private static int OptionalMinutes(string? text) => string.IsNullOrWhiteSpace(text) ? 0 : ReadMinutes(text, 0m) ?? 0;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static IEnumerable<SelectListItem> Choices =>
    [
        new("Attended", nameof(Domain.Activities.Attendance.Attended)),
        new("Did not attend", nameof(Domain.Activities.Attendance.DidNotAttend)),
        new("Cancelled by the council", nameof(Domain.Activities.Attendance.CancelledByCouncil)),
    ];
}

public sealed class AttendanceFormValidator : AbstractValidator<AttendanceForm>
{
    public AttendanceFormValidator()
    {
        RuleFor(f => f.Attendance).Must(v => v is "Attended" or "DidNotAttend" or "CancelledByCouncil").WithMessage("Select whether they attended");
        // Time counts only for someone who attended; for anyone else the boxes are ignored.
        RuleFor(f => f.Hours)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter how many hours they took part in the activity, like 2.5")
            .Must(h => AttendanceForm.ReadMinutes(h, 0.01m) is not null).WithMessage("Enter hours as a number above 0 and up to 24, like 2.5")
            .When(f => f.Attendance == "Attended");
        RuleFor(f => f.PreparationHours)
            .Must(h => string.IsNullOrWhiteSpace(h) || AttendanceForm.ReadMinutes(h, 0m) is not null).WithMessage("Enter preparation hours as a number from 0 to 24, like 1.5")
            .When(f => f.Attendance == "Attended");
        RuleFor(f => f.TravelHours)
            .Must(h => string.IsNullOrWhiteSpace(h) || AttendanceForm.ReadMinutes(h, 0m) is not null).WithMessage("Enter travel hours as a number from 0 to 24, like 0.5")
            .When(f => f.Attendance == "Attended");
        RuleFor(f => f.Preparation).MaximumLength(Activity.TextMaxLength).WithMessage("Preparation notes must be 2,000 characters or fewer");
        RuleFor(f => f.CheckIn).MaximumLength(Activity.TextMaxLength).WithMessage("Check-in notes must be 2,000 characters or fewer");
        RuleFor(f => f.Debrief).MaximumLength(Activity.TextMaxLength).WithMessage("Debrief notes must be 2,000 characters or fewer");
    }
}
