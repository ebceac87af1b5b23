using CoProduce.Web.Data;
using CoProduce.Web.Domain.Roster;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Profile;

/// <summary>
/// Everything held about one expert by experience: reading it all out for them ("your data"),
/// and removing it when they withdraw consent or delete their information. Each change is saved once.
/// </summary>
public sealed class PersonalDataService(CoProduceDbContext db, UserManager<CoProduceUser> users, TimeProvider clock)
{
    public const string DeletedName = "Deleted person";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The account (without its secrets), the profile with the consent history, every sign-up
    /// with what the person said, what organisers said to them and wrote about them, and the hours,
    /// and the emails to them that we keep.
    /// </summary>
    public async Task<YourData> ReadAsync(ExpertProfile profile, CancellationToken cancellationToken)
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
            user.CreatedUtc);

        var emails = await Emails(profile, user.Email).AsNoTracking()
            .OrderBy(m => m.CreatedUtc).ThenBy(m => m.Id)
            .Select(m => new { m.To, m.Subject, m.TextBody, m.Status, m.ActivityId, m.CreatedUtc, m.SentUtc })
            .ToListAsync(cancellationToken);
        var emailActivityIds = emails.Where(m => m.ActivityId is not null).Select(m => m.ActivityId!.Value).Distinct().ToList();
        var emailActivities = await db.Activities.Where(a => emailActivityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Title, cancellationToken);

        var signUps = await db.SignUps.AsNoTracking().Where(s => s.ExpertProfileId == profile.Id)
            .Join(db.Activities, s => s.ActivityId, a => a.Id, (s, a) => new { SignUp = s, a.Title, a.Date, ActivityStatus = a.Status })
            .ToListAsync(cancellationToken);
        return new YourData(
            Now,
            account,
            ProfileSummary.From(profile),
            signUps.OrderBy(x => x.Date).ThenBy(x => x.SignUp.RequestedUtc)
                .Select(x => new SignUpRecord(
                    x.Title,
                    x.Date,
                    SignUpWords.ActivityStatus(x.ActivityStatus),
                    SignUpWords.Status(x.SignUp.Status),
                    x.SignUp.DeclineMessage,
                    x.SignUp.WhatWouldHelp,
                    SignUpWords.Attendance(x.SignUp.Attendance),
                    x.SignUp.ActivityMinutes / 60m,
                    x.SignUp.PreparationNotes,
                    x.SignUp.CheckInNotes,
                    x.SignUp.DebriefNotes,
                    x.SignUp.RequestedUtc,
                    x.SignUp.ReminderSentUtc,
                    x.SignUp.UpdatedUtc))
                .ToList(),
            emails.Select(m => new EmailRecord(m.To, m.Subject, m.TextBody, EmailWords.Status(m.Status),
                m.ActivityId is { } activityId ? emailActivities.GetValueOrDefault(activityId) : null, m.CreatedUtc, m.SentUtc)).ToList());
    }

    /// <summary>The copies of emails to the person that the outbox keeps: about their activities, or to either of their addresses.</summary>
    private IQueryable<Infrastructure.Email.OutboxMessage> Emails(ExpertProfile profile, string? accountEmail)
    {
        var contactEmail = profile.ContactEmail;
        return db.OutboxMessages.Where(m => m.ExpertProfileId == profile.Id
            || (m.To != null && ((accountEmail != null && m.To == accountEmail) || (contactEmail != null && m.To == contactEmail))));
    }

    /// <summary>
    /// Withdrawing consent takes the person off the roster and removes their special category
    /// data, and every free text about them on their sign-ups, which can hold health details too.
    /// </summary>
    public async Task WithdrawConsentAsync(ExpertProfile profile, CancellationToken cancellationToken)
    {
        profile.WithdrawConsent(Now);
        var signUps = await db.SignUps.Where(s => s.ExpertProfileId == profile.Id).ToListAsync(cancellationToken);
        foreach (var signUp in signUps)
        {
            signUp.ErasePersonalText(Now);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Removes the person's personal data: the copies of emails to them are deleted, the profile is anonymised, every free text about them
    /// on their sign-ups goes, and the sign-in account loses its name, email address, phone number,
    /// password and any stored claims, external sign-ins and tokens, and is locked. What has to stay
    /// stays, without a name: which activities someone took part in and for how many hours (the
    /// council must account for payments), and the consent history (the record that their
    /// information was kept with consent).
    /// </summary>
    public async Task EraseAsync(ExpertProfile profile, CoProduceUser user, CancellationToken cancellationToken)
    {
        // The copies of emails to them go, and any not sent yet are never sent.
        db.OutboxMessages.RemoveRange(await Emails(profile, user.Email).ToListAsync(cancellationToken));
        profile.Anonymise(Now);
        // Their live places are given up and every free text about them is removed.
        var activities = await db.Activities.Include(a => a.SignUps)
            .Where(a => a.SignUps.Any(s => s.ExpertProfileId == profile.Id)).ToListAsync(cancellationToken);
        foreach (var activity in activities)
        {
            activity.RemovePerson(profile.Id, Now);
        }

        db.UserClaims.RemoveRange(await db.UserClaims.Where(c => c.UserId == user.Id).ToListAsync(cancellationToken));
        db.UserLogins.RemoveRange(await db.UserLogins.Where(l => l.UserId == user.Id).ToListAsync(cancellationToken));
        db.UserTokens.RemoveRange(await db.UserTokens.Where(t => t.UserId == user.Id).ToListAsync(cancellationToken));
        var placeholder = $"deleted-{Guid.NewGuid():N}@deleted.invalid";
        user.DisplayName = DeletedName;
        user.UserName = placeholder;
        user.Email = placeholder;
        user.EmailConfirmed = false;
        user.PhoneNumber = null;
        user.PhoneNumberConfirmed = false;
        user.PasswordHash = null;
        user.TwoFactorEnabled = false;
        user.AccessFailedCount = 0;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        // A new stamp signs the person out everywhere else too.
        user.SecurityStamp = Guid.NewGuid().ToString();

        // The account and everything above share one context: this saves them all together.
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not remove the account's personal data: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
