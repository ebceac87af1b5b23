using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Feedback;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Public;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Profile;

/// <summary>
/// Every change an expert by experience makes to their own profile, and everything held about
/// them: giving and withdrawing consent, each part of the profile, reading it all out for them
/// ("your data") and deleting it. The domain decides (<see cref="ExpertProfile"/>); this class
/// loads, writes the audit entry beside each change and saves once. Audit entries say what kind
/// of thing changed, never what the person told us.
/// </summary>
public sealed class ProfileService(CoProduceDbContext db, UserManager<CoProduceUser> users, PaymentDetailsService payments, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The person's own profile, found by their user id; none if there is no such account.
    /// Registration makes every profile: this makes one only for an account made some other way.
    /// </summary>
    public async Task<ExpertProfile?> MineAsync(string userId, CancellationToken cancellationToken)
    {
        var profile = await db.ExpertProfiles.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is not null)
        {
            return profile;
        }
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return null;
        }
        profile = new ExpertProfile(userId, user.DisplayName, user.Email ?? string.Empty, Now);
        db.ExpertProfiles.Add(profile);
        await db.SaveChangesAsync(cancellationToken);
        return profile;
    }

    /// <summary>Agrees to the current privacy notice. Agreeing again to the version that already stands records nothing.</summary>
    public async Task GiveConsentAsync(ExpertProfile profile, string byUserId, CancellationToken cancellationToken)
    {
        var now = Now;
        var before = ConsentState(profile);
        var eventsBefore = profile.ConsentHistory.Count;
        profile.GiveConsent(PrivacyNotice.Version, now);
        if (profile.ConsentHistory.Count == eventsBefore)
        {
            return;
        }
        Audit(profile, AuditActions.ConsentGiven, $"Consent given under privacy notice version {PrivacyNotice.Version}.", byUserId, now, before, ConsentState(profile));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Withdrawing consent takes the person off the roster and removes their special category
    /// data, and every free text about them on their sign-ups, which can hold health details too.
    /// Without consent to withdraw, nothing changes.
    /// </summary>
    public async Task WithdrawConsentAsync(ExpertProfile profile, string byUserId, CancellationToken cancellationToken)
    {
        if (!profile.HasConsent)
        {
            return;
        }
        var now = Now;
        var before = ConsentState(profile);
        profile.WithdrawConsent(now);
        // Through each activity, which owns its sign-ups.
        var activities = await db.Activities.Include(a => a.SignUps)
            .Where(a => a.SignUps.Any(s => s.ExpertProfileId == profile.Id)).ToListAsync(cancellationToken);
        foreach (var activity in activities)
        {
            activity.ErasePersonalTextOf(profile.Id, now);
        }
        Audit(profile, AuditActions.ConsentWithdrawn,
            $"Consent withdrawn. Lived experience and access needs deleted, and the personal text on {SignUps(activities.Count)}.",
            byUserId, now, before, ConsentState(profile));
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task SetContactAsync(ExpertProfile profile, ContactDetails contact, string byUserId, CancellationToken cancellationToken)
    {
        var now = Now;
        profile.SetContact(contact.PreferredName, contact.Email, contact.Phone, contact.Preferred, now);
        return SavePartAsync(profile, "Contact details changed.", byUserId, now, cancellationToken);
    }

    /// <summary>Special category data: the domain refuses it without consent.</summary>
    public Task SetLivedExperienceAsync(ExpertProfile profile, LivedExperienceAnswer answer, string byUserId, CancellationToken cancellationToken)
    {
        var now = Now;
        profile.SetLivedExperience(answer.Areas, answer.Other, now);
        return SavePartAsync(profile, "Lived experience changed.", byUserId, now, cancellationToken);
    }

    /// <summary>Special category data: the domain refuses it without consent.</summary>
    public Task SetAccessNeedsAsync(ExpertProfile profile, AccessNeedsAnswer answer, string byUserId, CancellationToken cancellationToken)
    {
        var now = Now;
        profile.SetAccessNeeds(answer.Needs, answer.Language, answer.Other, now);
        return SavePartAsync(profile, "Access needs changed.", byUserId, now, cancellationToken);
    }

    public Task SetAvailabilityAsync(ExpertProfile profile, AvailabilityAnswer answer, string byUserId, CancellationToken cancellationToken)
    {
        var now = Now;
        profile.SetAvailability(answer.Days, answer.Times, answer.Mode, answer.TravelMiles, now);
        return SavePartAsync(profile, "Availability changed.", byUserId, now, cancellationToken);
    }

    /// <summary>What the deletion page tells the person will stay.</summary>
    public async Task<DeletePage> DeletePageAsync(ExpertProfile profile, CancellationToken cancellationToken) =>
        new(await db.SignUps.CountAsync(s => s.ExpertProfileId == profile.Id, cancellationToken),
            await db.Claims.CountAsync(c => c.ExpertProfileId == profile.Id, cancellationToken),
            profile.PayeeReference);

    /// <summary>
    /// Removes the person's personal data: the copies of emails to them are deleted, the profile is anonymised, every free text about them
    /// on their sign-ups goes, and the sign-in account loses its name, email address, phone number,
    /// password and any stored claims, external sign-ins and tokens, and is locked. What has to stay
    /// stays, without a name: which activities someone took part in and for how many hours (the
    /// council must account for payments), and the consent history (the record that their
    /// information was kept with consent). Their payment claims, and any batch that paid them, stay
    /// too, under their payee reference (<see cref="ExpertProfile.PayeeReference"/>); their answer
    /// about benefits goes, and their bank details unless they are still to be paid by bank
    /// transfer (<see cref="PaymentDetailsService.ForgetForDeletionAsync"/>).
    /// </summary>
    public Task EraseAsync(ExpertProfile profile, string byUserId, CancellationToken cancellationToken) =>
        EraseAsync(profile, byUserId, inactiveSince: null, cancellationToken);

    /// <summary>
    /// The same deletion, asked for by the person (<paramref name="inactiveSince"/> null) or done
    /// by the retention policy because they have done nothing since that day: the audit entry says which.
    /// </summary>
    public async Task EraseAsync(ExpertProfile profile, string byUserId, DateOnly? inactiveSince, CancellationToken cancellationToken)
    {
        var now = Now;
        var user = await users.FindByIdAsync(profile.UserId) ?? throw new InvalidOperationException("The profile has no account.");
        var hadConsent = profile.HasConsent;
        // The copies of emails to them go, and any not sent yet are never sent.
        db.OutboxMessages.RemoveRange(await Emails(profile, user.Email).ToListAsync(cancellationToken));
        profile.Anonymise(now);
        await payments.ForgetForDeletionAsync(profile, byUserId, now, cancellationToken);
        // Their live places are given up and every free text about them is removed.
        var activities = await db.Activities.Include(a => a.SignUps)
            .Where(a => a.SignUps.Any(s => s.ExpertProfileId == profile.Id)).ToListAsync(cancellationToken);
        foreach (var activity in activities)
        {
            activity.RemovePerson(profile.Id, now);
        }
        // What they said at activities stays, as the group's record, but not that they said it.
        var notes = await db.FeedbackItems.Where(i => i.SaidByExpertProfileId == profile.Id).ToListAsync(cancellationToken);
        foreach (var note in notes)
        {
            note.ForgetSpeaker(now);
        }

        db.UserClaims.RemoveRange(await db.UserClaims.Where(c => c.UserId == user.Id).ToListAsync(cancellationToken));
        db.UserLogins.RemoveRange(await db.UserLogins.Where(l => l.UserId == user.Id).ToListAsync(cancellationToken));
        db.UserTokens.RemoveRange(await db.UserTokens.Where(t => t.UserId == user.Id).ToListAsync(cancellationToken));
        var placeholder = $"deleted-{Guid.NewGuid():N}@deleted.invalid";
        user.DisplayName = ExpertProfile.DeletedName;
        user.UserName = placeholder;
        user.Email = placeholder;
        user.EmailConfirmed = false;
        user.PhoneNumber = null;
        user.PhoneNumberConfirmed = false;
        user.LastSignInUtc = null;
        user.PasswordHash = null;
        user.TwoFactorEnabled = false;
        user.AccessFailedCount = 0;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        // A new stamp signs the person out everywhere else too.
        user.SecurityStamp = Guid.NewGuid().ToString();

        Audit(profile, inactiveSince is null ? AuditActions.ProfileDeleted : AuditActions.RetentionPersonAnonymised,
            (inactiveSince is { } since ? $"Deleted by the retention policy: inactive since {since:d MMMM yyyy}. " : string.Empty)
            + "Profile deleted: name, contact details and everything the person told us removed, and the account locked"
            + (hadConsent ? "; consent withdrawn" : string.Empty)
            + $". Kept without a name: the consent history, attendance and hours on {SignUps(activities.Sum(a => a.SignUps.Count(s => s.ExpertProfileId == profile.Id)))}"
            + $", and any payment claims, under payee reference {profile.PayeeReference}"
            + (notes.Count > 0 ? $". {(notes.Count == 1 ? "1 note" : $"{notes.Count} notes")} of what they said at activities kept without saying who said it." : "."),
            byUserId, now);
        // The account and everything above share one context: this saves them all together, audit entry included.
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not remove the account's personal data: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>
    /// The account (without its secrets), the profile with the consent history, every sign-up
    /// with what the person said, what organisers said to them and wrote about them, and the hours,
    /// and the emails to them that we keep.
    /// </summary>
    public async Task<YourData> YourDataAsync(ExpertProfile profile, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == profile.UserId, cancellationToken);
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name)
            .ToListAsync(cancellationToken);
        var details = await db.UserClaims.Where(c => c.UserId == user.Id).OrderBy(c => c.Id)
            .Select(c => new AccountDetailRecord(c.ClaimType, c.ClaimValue))
            .ToListAsync(cancellationToken);
        var services = await db.UserLogins.Where(l => l.UserId == user.Id)
            .Select(l => new OtherServiceRecord(l.LoginProvider, l.ProviderDisplayName, l.ProviderKey))
            .ToListAsync(cancellationToken);
        var account = new AccountRecord(
            user.DisplayName,
            user.Email,
            user.EmailConfirmed,
            user.PhoneNumber,
            user.PhoneNumberConfirmed,
            user.TwoFactorEnabled,
            user.AccessFailedCount,
            user.LockoutEnd?.UtcDateTime,
            roles.Where(r => r is not null).Select(r => Infrastructure.Security.Roles.DisplayName(r!)).Order(StringComparer.Ordinal).ToList(),
            details,
            services,
            user.CreatedUtc,
            user.LastSignInUtc);

        var emails = await Emails(profile, user.Email).AsNoTracking()
            .OrderBy(m => m.CreatedUtc).ThenBy(m => m.Id)
            .Select(m => new { m.To, m.Subject, m.TextBody, m.Status, m.ActivityId, m.CreatedUtc, m.SentUtc })
            .ToListAsync(cancellationToken);
        var emailActivityIds = emails.Where(m => m.ActivityId is not null).Select(m => m.ActivityId!.Value).Distinct().ToList();
        var emailActivities = await db.Activities.Where(a => emailActivityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Title, cancellationToken);

        var signUps = await db.SignUps.AsNoTracking().Where(s => s.ExpertProfileId == profile.Id)
            .Join(db.Activities, s => s.ActivityId, a => a.Id, (s, a) => new { SignUp = s, a.Title, a.Date, ActivityStatus = a.Status })
            .ToListAsync(cancellationToken);
        // What they are recorded as having said at activities: the notes that name them as the speaker.
        var notes = await db.FeedbackItems.AsNoTracking().Where(i => i.SaidByExpertProfileId == profile.Id)
            .Join(db.Activities, i => i.ActivityId, a => a.Id, (i, a) => new { Item = i, a.Title, a.Date })
            .OrderBy(x => x.Date).ThenBy(x => x.Item.RecordedUtc).ThenBy(x => x.Item.Id)
            .ToListAsync(cancellationToken);
        return new YourData(
            Now,
            account,
            ProfileSummary.From(profile),
            await payments.ReadAsync(profile, cancellationToken),
            signUps.OrderBy(x => x.Date).ThenBy(x => x.SignUp.RequestedUtc)
                .Select(x => new SignUpRecord(
                    x.Title,
                    x.Date,
                    SignUpWords.ActivityStatus(x.ActivityStatus),
                    SignUpWords.Status(x.SignUp.Status),
                    x.SignUp.DeclineMessage,
                    x.SignUp.WhatWouldHelp,
                    SignUpWords.Attendance(x.SignUp.Attendance),
                    x.SignUp.ActivityMinutes,
                    x.SignUp.PreparationMinutes,
                    x.SignUp.TravelMinutes,
                    x.SignUp.AttendanceRecordedUtc,
                    x.SignUp.PreparationNotes,
                    x.SignUp.CheckInNotes,
                    x.SignUp.DebriefNotes,
                    x.SignUp.RequestedUtc,
                    x.SignUp.ReminderSentUtc,
                    x.SignUp.UpdatedUtc,
                    x.SignUp.FeeKind is { } kind ? Payments.PaymentWords.Kind(kind) : null,
                    x.SignUp.FeeAmount?.Format(),
                    x.SignUp.FeePaysPreparation,
                    x.SignUp.FeePaysTravel))
                .ToList(),
            await payments.ClaimsAsync(profile, cancellationToken),
            emails.Select(m => new EmailRecord(m.To, m.Subject, m.TextBody, EmailWords.Status(m.Status),
                m.ActivityId is { } activityId ? emailActivities.GetValueOrDefault(activityId) : null, m.CreatedUtc, m.SentUtc)).ToList(),
            notes.Select(x => new NoteRecord(x.Title, x.Item.Kind.Describe(), x.Item.Text,
                SevenKeysInfo.Split(x.Item.Keys).Select(k => k.ToString()).ToList(), x.Item.MayNameThem,
                x.Item.RecordedUtc, x.Item.UpdatedUtc, x.Item.CorrectedByParticipantUtc)).ToList());
    }

    /// <summary>The copies of emails to the person that the outbox keeps: about their activities, or to either of their addresses.</summary>
    private IQueryable<Infrastructure.Email.OutboxMessage> Emails(ExpertProfile profile, string? accountEmail)
    {
        var contactEmail = profile.ContactEmail;
        return db.OutboxMessages.Where(m => m.ExpertProfileId == profile.Id
            || (m.To != null && ((accountEmail != null && m.To == accountEmail) || (contactEmail != null && m.To == contactEmail))));
    }

    /// <summary>A part of the profile is saved with an entry that names the part, never its values.</summary>
    private async Task SavePartAsync(ExpertProfile profile, string summary, string byUserId, DateTime now, CancellationToken cancellationToken)
    {
        Audit(profile, AuditActions.ProfileChanged, summary, byUserId, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A profile belongs to no project.</summary>
    private void Audit(ExpertProfile profile, string action, string summary, string byUserId, DateTime now, string? before = null, string? after = null) =>
        db.AuditEntries.Add(new AuditEntry(AuditSubject.Profile(profile.Id), null, action, summary, byUserId, now, before, after));

    /// <summary>Whether the person consents, and to which notice: the only before and after values a profile's entries carry.</summary>
    private static string ConsentState(ExpertProfile profile) => profile.CurrentConsent is { } consent
        ? $"Consent given under privacy notice version {consent.PrivacyNoticeVersion}"
        : profile.LatestConsentEvent is { Change: ConsentChange.Withdrawn } ? "Consent withdrawn" : "Consent not given";

    private static string SignUps(int count) => count == 1 ? "1 sign-up" : $"{count} sign-ups";
}

/// <summary>How to contact the person, from a form that has passed its validator.</summary>
public sealed record ContactDetails(string PreferredName, string? Email, string? Phone, ContactMethod Preferred);

public sealed record LivedExperienceAnswer(IReadOnlyList<LivedExperienceArea> Areas, string? Other);

public sealed record AccessNeedsAnswer(IReadOnlyList<AccessNeed> Needs, string? Language, string? Other);

public sealed record AvailabilityAnswer(IReadOnlyList<DayOfWeek> Days, IReadOnlyList<TimeOfDay> Times, TakingPart Mode, int? TravelMiles);
