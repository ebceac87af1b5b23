using System.Globalization;
using CoProduce.Web.Domain.Feedback;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CoProduce.Web.Features.Feedback;

/// <summary>One note in the Working Together for Change form, as the organiser adds or changes it.</summary>
public sealed class FeedbackNoteForm
{
    /// <summary>The value of "The group / not recorded" in the speaker select.</summary>
    public const string TheGroup = "";

    /// <summary>Which question it answers: a <see cref="FeedbackKind"/> name.</summary>
    public string? Kind { get; set; }

    public string? Text { get; set; }

    /// <summary>The 7 Keys it touches, by name.</summary>
    public List<string> Keys { get; set; } = [];

    /// <summary>The profile id of who said it, or <see cref="TheGroup"/>.</summary>
    public string? SaidBy { get; set; }

    public bool MayNameThem { get; set; }

    /// <summary>Part of a name, to find who said it among many people who attended.</summary>
    public string? SpeakerSearch { get; set; }

    /// <summary>Set by the Search button: show the matching people again, keeping everything typed, and save nothing.</summary>
    public string? FindSpeaker { get; set; }

    public bool IsFindingSpeaker => !string.IsNullOrEmpty(FindSpeaker);

    /// <summary>When the note was last changed as this form was filled in (edits only): a note changed meanwhile is not overwritten.</summary>
    public long? Seen { get; set; }

    /// <summary>The page around the form, read again on every request.</summary>
    public FeedbackNotesPage? Page { get; set; }

    public static IEnumerable<SelectListItem> Questions =>
        FeedbackKinds.InOrder.Select(k => new SelectListItem(k.Describe(), k.ToString()));

    public static IEnumerable<SelectListItem> NameChoice => [new("They agreed to be named", "true")];

    /// <summary>Only for a form that has passed its validator.</summary>
    public FeedbackNote ToNote() => new(
        Enum.Parse<FeedbackKind>(Kind!),
        Text!.Trim(),
        FeedbackForms.KeysOf(Keys),
        int.TryParse(SaidBy, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null,
        MayNameThem);

    public static FeedbackNoteForm From(FeedbackItem item) => new()
    {
        Kind = item.Kind.ToString(),
        Text = item.Text,
        Keys = SevenKeysInfo.Split(item.Keys).Select(k => k.ToString()).ToList(),
        SaidBy = item.SaidByExpertProfileId?.ToString(CultureInfo.InvariantCulture) ?? TheGroup,
        MayNameThem = item.MayNameThem,
        Seen = item.UpdatedUtc.Ticks,
    };
}

/// <summary>A participant's correction: the words and the keys only.</summary>
public sealed class NoteCorrectionForm
{
    public string? Text { get; set; }

    public List<string> Keys { get; set; } = [];

    public MyNotePage? Page { get; set; }
}

/// <summary>The 7 Keys an activity is about.</summary>
public sealed class ActivityKeysForm
{
    public List<string> Keys { get; set; } = [];

    public ActivityKeysPage? Page { get; set; }
}

/// <summary>A note as the service records it.</summary>
public sealed record FeedbackNote(FeedbackKind Kind, string Text, SevenKeys Keys, int? SaidByExpertProfileId, bool MayNameThem);

public static class FeedbackForms
{
    public const string KeysMessage = "Select only keys from the list";

    public static bool AreKeys(IEnumerable<string>? keys) =>
        keys is null || keys.All(k => Enum.TryParse<SevenKeys>(k, out var key) && SevenKeysInfo.All.Contains(key));

    public static SevenKeys KeysOf(IEnumerable<string>? keys) =>
        SevenKeysInfo.Combine((keys ?? []).Select(k => Enum.TryParse<SevenKeys>(k, out var key) ? key : SevenKeys.None));

    public static IRuleBuilderOptions<T, string?> NoteText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Enter what was said")
            .Must(t => t is null || t.Trim().Length <= FeedbackItem.TextMaxLength)
            .WithMessage($"What was said must be {FeedbackItem.TextMaxLength:#,##0} characters or fewer");
}

public sealed class FeedbackNoteFormValidator : AbstractValidator<FeedbackNoteForm>
{
    public const int SpeakerSearchMaxLength = 100;

    public FeedbackNoteFormValidator()
    {
        RuleFor(f => f.Kind)
            .Must(k => Enum.TryParse<FeedbackKind>(k, out var kind) && FeedbackKinds.InOrder.Contains(kind) && !int.TryParse(k, out _))
            .WithMessage("Select which question the note answers");
        RuleFor(f => f.Text).NoteText();
        RuleFor(f => f.Keys).Must(FeedbackForms.AreKeys).WithMessage(FeedbackForms.KeysMessage);
        RuleFor(f => f.SaidBy)
            .Must(s => string.IsNullOrEmpty(s) || int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            .WithMessage("Select who said it from the list, or the group");
        RuleFor(f => f.SpeakerSearch)
            .Must(s => s is null || s.Trim().Length <= SpeakerSearchMaxLength)
            .WithMessage($"The name to search for must be {SpeakerSearchMaxLength} characters or fewer");
    }
}

public sealed class NoteCorrectionFormValidator : AbstractValidator<NoteCorrectionForm>
{
    public NoteCorrectionFormValidator()
    {
        RuleFor(f => f.Text)
            .Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("Write what was said")
            .Must(t => t is null || t.Trim().Length <= FeedbackItem.TextMaxLength)
            .WithMessage($"What was said must be {FeedbackItem.TextMaxLength:#,##0} letters or fewer");
        RuleFor(f => f.Keys).Must(FeedbackForms.AreKeys).WithMessage(FeedbackForms.KeysMessage);
    }
}

public sealed class ActivityKeysFormValidator : AbstractValidator<ActivityKeysForm>
{
    public ActivityKeysFormValidator() =>
        RuleFor(f => f.Keys).Must(FeedbackForms.AreKeys).WithMessage(FeedbackForms.KeysMessage);
}
