using System.Globalization;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Feedback;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Feedback;

/// <summary>
/// The notes pages, read as flat read models: the organiser's (who said what, privately) and the
/// participant's (only what <see cref="FeedbackRules.ShowSpeakerTo"/> allows). A page's number
/// of SQL commands does not grow with the number of notes.
/// </summary>
public sealed class FeedbackPages(CoProduceDbContext db, TimeProvider clock)
{
    /// <summary>The most notes a page lists; an activity has far fewer.</summary>
    public const int MostNotes = 500;

    /// <summary>Up to this many people who attended are all offered in a select; with more, the organiser searches.</summary>
    public const int MostListed = 100;

    /// <summary>The most people a search for who said it offers.</summary>
    public const int MostMatches = 20;

    private static readonly CultureInfo UkEnglish = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>An activity's notes for its organiser, or null when there is no such activity.</summary>
    public async Task<FeedbackNotesPage?> NotesAsync(int activityId, CancellationToken cancellationToken, FeedbackNoteForm? posted = null)
    {
        if (await HeaderAsync(activityId, cancellationToken, posted?.SpeakerSearch, posted?.SaidBy) is not { } page)
        {
            return null;
        }
        var rows = await db.FeedbackItems.AsNoTracking().Where(i => i.ActivityId == activityId)
            .OrderBy(i => i.RecordedUtc).ThenBy(i => i.Id)
            .Take(MostNotes)
            .Select(i => new
            {
                i.Id, i.Kind, i.Text, i.Keys, i.SaidByExpertProfileId, i.MayNameThem, i.CorrectedByParticipantUtc,
                Speaker = db.ExpertProfiles.Where(p => p.Id == i.SaidByExpertProfileId).Select(p => p.PreferredName).FirstOrDefault(),
                Theme = db.FeedbackThemes.Where(t => t.Id == i.ThemeId).Select(t => t.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var groups = FeedbackKinds.InOrder.Select(kind => new NoteGroup(kind.Describe(), kind.ToString().ToLowerInvariant(),
            rows.Where(r => r.Kind == kind).Select(r => new NoteRow(
                r.Id, r.Text, KeyNames(r.Keys),
                r.Speaker is null ? null : r.MayNameThem ? r.Speaker : $"{r.Speaker} (private)",
                r.Theme,
                r.CorrectedByParticipantUtc is { } corrected ? UkTime.ToUk(corrected).ToString("d MMMM yyyy", UkEnglish) : null)).ToList())).ToList();
        return page with { Groups = groups, Count = rows.Count };
    }

    /// <summary>The form to change one note, or null when the activity has no such note.</summary>
    public async Task<FeedbackNoteForm?> NoteFormAsync(int activityId, long itemId, CancellationToken cancellationToken, FeedbackNoteForm? posted = null)
    {
        var item = await db.FeedbackItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId && i.ActivityId == activityId, cancellationToken);
        if (item is null)
        {
            return null;
        }
        var form = FeedbackNoteForm.From(item);
        if (await HeaderAsync(activityId, cancellationToken, posted?.SpeakerSearch, posted is null ? form.SaidBy : posted.SaidBy) is not { } page)
        {
            return null;
        }
        form.Page = page with { EditingId = itemId, EditingIsThemed = item.IsThemed, EditingCorrected = item.CorrectedByParticipantUtc is not null };
        return form;
    }

    /// <summary>
    /// The activity, whether notes can be recorded, and the people who attended (those who can be
    /// named as saying something). Up to <see cref="MostListed"/> of them are all offered in a
    /// select; with more, the organiser searches by name and up to <see cref="MostMatches"/> are
    /// offered, with the person already chosen kept first. Two SQL commands whatever the numbers.
    /// </summary>
    public async Task<FeedbackNotesPage?> HeaderAsync(int activityId, CancellationToken cancellationToken, string? search = null, string? chosen = null)
    {
        var activity = await db.Activities.AsNoTracking().Where(a => a.Id == activityId)
            .Select(a => new
            {
                a.Id, a.Title, a.Date, a.Status, a.ProjectId,
                Project = db.CommissioningProjects.Where(p => p.Id == a.ProjectId).Select(p => p.Title).First(),
                Attended = db.SignUps.Count(s => s.ActivityId == a.Id && s.Attendance == Attendance.Attended),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (activity is null)
        {
            return null;
        }
        var attendees = db.SignUps.AsNoTracking()
            .Where(s => s.ActivityId == activityId && s.Attendance == Attendance.Attended)
            .Join(db.ExpertProfiles, s => s.ExpertProfileId, p => p.Id, (s, p) => new { p.Id, p.PreferredName });
        var searching = activity.Attended > MostListed;
        var term = search?.Trim() ?? string.Empty;
        term = term[..Math.Min(term.Length, FeedbackNoteFormValidator.SpeakerSearchMaxLength)];
        var chosenId = int.TryParse(chosen, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : (int?)null;
        if (searching)
        {
            var pattern = term.Length == 0 ? null : "%" + EscapeLike(term) + "%";
            attendees = attendees
                .Where(p => p.Id == chosenId || (pattern != null
                    && EF.Functions.Like(p.PreferredName, pattern, LikeEscape)))
                .OrderBy(p => p.Id == chosenId ? 0 : 1).ThenBy(p => p.PreferredName).ThenBy(p => p.Id)
                // The one already chosen, the most shown, and one more to know there are more.
                .Take(MostMatches + 2);
        }
        else
        {
            attendees = attendees.OrderBy(p => p.PreferredName).ThenBy(p => p.Id).Take(MostListed);
        }
        var found = await attendees.ToListAsync(cancellationToken);
        var matches = found.Count(p => p.Id != chosenId);
        var people = found.Where(p => p.Id == chosenId).Concat(found.Where(p => p.Id != chosenId).Take(MostMatches)).ToList();
        if (!searching)
        {
            people = found;
        }
        // Among many people several share a name: their reference tells them apart without showing
        // contact details (some withdrew their consent, some prefer the phone).
        var speakers = people.Select(p => new SelectListItem(
                searching ? $"{p.PreferredName} ({Domain.Roster.ExpertProfile.PayeeReferenceOf(p.Id)})" : p.PreferredName,
                p.Id.ToString(CultureInfo.InvariantCulture)))
            .Prepend(new SelectListItem("The group / not recorded", FeedbackNoteForm.TheGroup)).ToList();
        var finding = searching ? new SpeakerSearch(activity.Attended, term, matches) : null;
        return new FeedbackNotesPage(activity.Id, activity.Title, activity.ProjectId, activity.Project, activity.Date.ToString("d MMMM yyyy", UkEnglish),
            FeedbackRecording.WhyNoFeedback(activity.Date, activity.Status, UkTime.Today(clock)), speakers, [], 0, Finding: finding);
    }

    private const string LikeEscape = "\\";

    private static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal);

    /// <summary>The 7 Keys form for an activity, or null when there is no such activity.</summary>
    public async Task<ActivityKeysForm?> KeysFormAsync(int activityId, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.AsNoTracking().Where(a => a.Id == activityId)
            .Select(a => new { a.Id, a.Title, a.Keys }).SingleOrDefaultAsync(cancellationToken);
        return activity is null ? null : new ActivityKeysForm
        {
            Keys = SevenKeysInfo.Split(activity.Keys).Select(k => k.ToString()).ToList(),
            Page = new ActivityKeysPage(activity.Id, activity.Title),
        };
    }

    /// <summary>
    /// An activity's notes for someone who attended it, or null when they did not (or there is no
    /// such activity): they see the words and keys, and a speaker only as the rules allow.
    /// </summary>
    public async Task<MyNotesPage?> MyNotesAsync(int activityId, string userId, CancellationToken cancellationToken)
    {
        var me = await MeAtAsync(db, activityId, userId, cancellationToken);
        if (me is null || !FeedbackRules.MayParticipantRead(me.Attendance))
        {
            return null;
        }
        var activity = await db.Activities.AsNoTracking().Where(a => a.Id == activityId).Select(a => new { a.Title, a.Date }).SingleAsync(cancellationToken);
        var rows = await db.FeedbackItems.AsNoTracking().Where(i => i.ActivityId == activityId)
            .OrderBy(i => i.RecordedUtc).ThenBy(i => i.Id)
            .Take(MostNotes)
            .Select(i => new
            {
                i.Id, i.Kind, i.Text, i.Keys, i.SaidByExpertProfileId, i.MayNameThem, IsThemed = i.ThemeId != null,
                // A name is read only for someone who agreed to be named.
                Name = i.MayNameThem ? db.ExpertProfiles.Where(p => p.Id == i.SaidByExpertProfileId).Select(p => p.PreferredName).FirstOrDefault() : null,
            })
            .ToListAsync(cancellationToken);
        var groups = FeedbackKinds.InOrder.Select(kind => new MyNoteGroup(kind.Describe(), kind.ToString().ToLowerInvariant(),
            rows.Where(r => r.Kind == kind).Select(r => new MyNoteRow(
                r.Id, r.Text, KeyNames(r.Keys),
                FeedbackRules.ShowSpeakerTo(r.SaidByExpertProfileId, r.MayNameThem, me.ProfileId) switch
                {
                    SpeakerShown.You => MyNotesText.YouSaidThis,
                    SpeakerShown.Name => r.Name is { } name ? MyNotesText.SaidBy(name) : null,
                    _ => null,
                },
                WhyFixed(r.IsThemed, r.SaidByExpertProfileId, me.ProfileId))).ToList())).ToList();
        return new MyNotesPage(activityId, activity.Title, activity.Date.ToString("d MMMM yyyy", UkEnglish), groups, rows.Count);
    }

    /// <summary>The correction form for one note, or null when the person did not attend or the activity has no such note.</summary>
    public async Task<NoteCorrectionForm?> CorrectionFormAsync(int activityId, long itemId, string userId, CancellationToken cancellationToken)
    {
        var me = await MeAtAsync(db, activityId, userId, cancellationToken);
        if (me is null || !FeedbackRules.MayParticipantRead(me.Attendance))
        {
            return null;
        }
        var item = await db.FeedbackItems.AsNoTracking().Where(i => i.Id == itemId && i.ActivityId == activityId)
            .Select(i => new { i.Kind, i.Text, i.Keys, IsThemed = i.ThemeId != null, i.SaidByExpertProfileId, Title = db.Activities.Where(a => a.Id == activityId).Select(a => a.Title).First() })
            .SingleOrDefaultAsync(cancellationToken);
        if (item is null)
        {
            return null;
        }
        return new NoteCorrectionForm
        {
            Text = item.Text,
            Keys = SevenKeysInfo.Split(item.Keys).Select(k => k.ToString()).ToList(),
            Page = new MyNotePage(activityId, item.Title, itemId, item.Kind.Describe(), item.Text,
                WhyFixed(item.IsThemed, item.SaidByExpertProfileId, me.ProfileId)),
        };
    }

    /// <summary>The signed-in person's profile and attendance at an activity, or null when they had no place on it.</summary>
    public static Task<MeAt?> MeAtAsync(CoProduceDbContext db, int activityId, string userId, CancellationToken cancellationToken) =>
        db.SignUps.AsNoTracking()
            .Where(s => s.ActivityId == activityId && db.ExpertProfiles.Any(p => p.Id == s.ExpertProfileId && p.UserId == userId))
            .Select(s => new MeAt(s.ExpertProfileId, s.Attendance))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>The domain's reason a participant cannot correct a note, in the page's short sentences.</summary>
    private static string? WhyFixed(bool isThemed, int? saidBy, int me) => FeedbackRules.WhyParticipantCannotCorrect(isThemed, saidBy, me) switch
    {
        null => null,
        FeedbackRules.FixedOnceThemed => MyNotesText.Fixed,
        _ => MyNotesText.SomeoneElseSaidIt,
    };

    private static List<string> KeyNames(SevenKeys keys) => SevenKeysInfo.Split(keys).Select(k => k.ToString()).ToList();

    public sealed record MeAt(int ProfileId, Attendance Attendance);
}

/// <summary>The participant's page, in short sentences and everyday words.</summary>
public static class MyNotesText
{
    public const string YouSaidThis = "You said this.";
    public const string Fixed = "This note is now in a theme. It cannot be changed now. If it is wrong, tell the organiser.";

    public const string SomeoneElseSaidIt = "Someone else said this. Only they can change it. If it is wrong, tell the organiser.";

    public static string SaidBy(string name) => $"{name} said this.";
}

/// <summary>One activity's notes for the organiser, grouped under the three questions.</summary>
public sealed record FeedbackNotesPage(
    int ActivityId,
    string ActivityTitle,
    int ProjectId,
    string ProjectTitle,
    string Date,
    string? WhyNoFeedback,
    IReadOnlyList<SelectListItem> Speakers,
    IReadOnlyList<NoteGroup> Groups,
    int Count,
    long? EditingId = null,
    bool EditingIsThemed = false,
    bool EditingCorrected = false,
    SpeakerSearch? Finding = null);

/// <summary>
/// With more than <see cref="FeedbackPages.MostListed"/> people who attended, who said it is found
/// by name: <see cref="Term"/> as typed, and how many of those offered matched it (the person
/// already chosen is offered too). <see cref="FeedbackNotesPage.Speakers"/> are then radios.
/// </summary>
public sealed record SpeakerSearch(int Attended, string Term, int Matches)
{
    public bool MoreThanShown => Matches > FeedbackPages.MostMatches;
}

/// <summary>The notes under one question; <see cref="Key"/> is for ids in the page.</summary>
public sealed record NoteGroup(string Heading, string Key, IReadOnlyList<NoteRow> Notes);

/// <summary>
/// One note for the organiser: <see cref="Speaker"/> is who said it (with "(private)" unless they
/// agreed to be named), <see cref="Theme"/> the theme's name and <see cref="Corrected"/> when a
/// participant corrected it.
/// </summary>
public sealed record NoteRow(long Id, string Text, IReadOnlyList<string> Keys, string? Speaker, string? Theme, string? Corrected);

public sealed record ActivityKeysPage(int ActivityId, string ActivityTitle);

/// <summary>An activity's notes for someone who attended it.</summary>
public sealed record MyNotesPage(int ActivityId, string ActivityTitle, string Date, IReadOnlyList<MyNoteGroup> Groups, int Count);

public sealed record MyNoteGroup(string Heading, string Key, IReadOnlyList<MyNoteRow> Notes);

/// <summary>
/// One note for someone who attended: <see cref="Speaker"/> only as <see cref="FeedbackRules.ShowSpeakerTo"/>
/// allows, and <see cref="WhyFixed"/> when it is in a theme and can no longer be corrected.
/// </summary>
public sealed record MyNoteRow(long Id, string Text, IReadOnlyList<string> Keys, string? Speaker, string? WhyFixed);

/// <summary>One note to correct; <see cref="WhyFixed"/> says why it can no longer be changed.</summary>
public sealed record MyNotePage(int ActivityId, string ActivityTitle, long ItemId, string Question, string CurrentText, string? WhyFixed);
