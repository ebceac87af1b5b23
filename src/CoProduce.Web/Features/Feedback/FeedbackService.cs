using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Feedback;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Feedback;

/// <summary>A change the rules refuse, with the reason to show; <see cref="Field"/> is the form field it is about, if any.</summary>
public sealed class FeedbackRuleException(string message, string? field = null) : InvalidOperationException(message)
{
    public string? Field { get; } = field;
}

/// <summary>
/// Records what people said at an activity, and the activity's 7 Keys. The domain decides; this
/// class loads what it needs, writes the audit entry beside each change and saves once. Audit
/// entries name the question and the keys, never the words or who said them.
/// </summary>
public sealed class FeedbackService(CoProduceDbContext db, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Adds a note to an activity that has happened. Returns its id.</summary>
    public async Task<long> RecordAsync(int activityId, FeedbackNote note, string userId, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.AsNoTracking().Where(a => a.Id == activityId)
            .Select(a => new { a.ProjectId, a.Date, a.Status }).SingleAsync(cancellationToken);
        if (FeedbackRecording.WhyNoFeedback(activity.Date, activity.Status, UkTime.Today(clock)) is { } why)
        {
            throw new FeedbackRuleException(why);
        }
        await CheckSpeakerAsync(activityId, note.SaidByExpertProfileId, cancellationToken);
        var now = Now;
        var item = new FeedbackItem(activityId, activity.ProjectId, note.Kind, note.Text, note.Keys, note.SaidByExpertProfileId, note.MayNameThem, userId, now);
        db.FeedbackItems.Add(item);
        // The item needs its id before the audit entry can name it.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            db.AuditEntries.Add(new AuditEntry(AuditSubject.FeedbackItem(item.Id), activity.ProjectId, AuditActions.FeedbackRecorded,
                $"A note recorded under {item.Kind.Describe()} at activity {activityId}.", userId, now, after: Describe(item)));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        return item.Id;
    }

    /// <summary>
    /// The organiser's change to a note, at any time (also after a participant corrected it).
    /// <paramref name="seenTicks"/> is when the note had last changed as the form was filled in.
    /// </summary>
    public async Task ChangeAsync(int activityId, long itemId, FeedbackNote note, long? seenTicks, string userId, CancellationToken cancellationToken)
    {
        var item = await db.FeedbackItems.SingleAsync(i => i.Id == itemId && i.ActivityId == activityId, cancellationToken);
        if (seenTicks is { } seen && item.UpdatedUtc.Ticks != seen)
        {
            throw new FeedbackRuleException("Someone changed this note after you opened it. Check the note below, which now shows their change, then save again if you still want yours.");
        }
        await CheckSpeakerAsync(activityId, note.SaidByExpertProfileId, cancellationToken);
        var before = Describe(item);
        item.Edit(note.Kind, note.Text, note.Keys, note.SaidByExpertProfileId, note.MayNameThem, Now);
        db.AuditEntries.Add(new AuditEntry(AuditSubject.FeedbackItem(item.Id), item.ProjectId, AuditActions.FeedbackChanged,
            $"A note under {item.Kind.Describe()} at activity {activityId} changed.", userId, Now, before, Describe(item)));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A participant's correction of the words and keys of a note from an activity they attended,
    /// while it is not themed. Returns false when they did not attend or there is no such note.
    /// </summary>
    public async Task<bool> CorrectAsync(int activityId, long itemId, string text, SevenKeys keys, string userId, CancellationToken cancellationToken)
    {
        var me = await FeedbackPages.MeAtAsync(db, activityId, userId, cancellationToken);
        var item = await db.FeedbackItems.SingleOrDefaultAsync(i => i.Id == itemId && i.ActivityId == activityId, cancellationToken);
        if (me is null || !FeedbackRules.MayParticipantRead(me.Attendance) || item is null)
        {
            return false;
        }
        var before = Describe(item);
        if (item.CorrectByParticipant(text, keys, me.ProfileId, Now) is { } refused)
        {
            throw new FeedbackRuleException(refused);
        }
        db.AuditEntries.Add(new AuditEntry(AuditSubject.FeedbackItem(item.Id), item.ProjectId, AuditActions.FeedbackCorrectedByParticipant,
            $"Someone who attended activity {activityId} corrected a note under {item.Kind.Describe()}.", userId, Now, before, Describe(item)));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Tags an activity with the 7 Keys it is about.</summary>
    public async Task TagActivityAsync(int activityId, SevenKeys keys, string userId, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.SingleAsync(a => a.Id == activityId, cancellationToken);
        var before = SevenKeysInfo.Names(activity.Keys);
        activity.TagWithKeys(keys, Now);
        db.AuditEntries.Add(new AuditEntry(AuditSubject.Activity(activityId), activity.ProjectId, AuditActions.ActivityKeysTagged,
            "The activity's 7 Keys changed.", userId, Now, "7 Keys: " + before, "7 Keys: " + SevenKeysInfo.Names(activity.Keys)));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Only someone who attended can be recorded as having said something there.</summary>
    private async Task CheckSpeakerAsync(int activityId, int? profileId, CancellationToken cancellationToken)
    {
        if (profileId is { } id && !await db.SignUps.AnyAsync(s => s.ActivityId == activityId && s.ExpertProfileId == id && s.Attendance == Attendance.Attended, cancellationToken))
        {
            throw new FeedbackRuleException("Select someone who attended, or the group", nameof(FeedbackNoteForm.SaidBy));
        }
    }

    /// <summary>What the audit log keeps of a note: its question, keys, and whether a speaker is recorded and may be named. Never the words or the person.</summary>
    private static string Describe(FeedbackItem item) =>
        $"{item.Kind.Describe()}; 7 Keys: {SevenKeysInfo.Names(item.Keys)}; "
        + (item.SaidByExpertProfileId is null ? "said by the group" : item.MayNameThem ? "speaker recorded, agreed to be named" : "speaker recorded, private");
}
