using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Retention;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Profile;
using CoProduce.Web.Infrastructure.Files;
using CoProduce.Web.Infrastructure.Mvc;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoProduce.Web.Features.Retention;

/// <summary>
/// The retention policy, applied: what is due today (<see cref="PlanAsync"/>, the dry run), and
/// doing it (<see cref="RunAsync"/>). The database finds what is due by date, with the cut-off
/// dates <see cref="RetentionRules"/> decides; each person is checked again by the domain before
/// anything happens. A real run works in batches, each saved with its audit entries, so that a
/// first run on years of data never holds one huge transaction, and a second run finds nothing.
/// Finance records (claims and payment batches) are never deleted here.
/// </summary>
public sealed class RetentionService(
    CoProduceDbContext db, ProfileService profiles, IFileStore files, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionService> logger)
{
    /// <summary>Who a run by the daily job is recorded as.</summary>
    public const string SystemUserId = "system";

    public const int BatchSize = 100;

    public const int PageSize = 20;

    private RetentionOptions Settings => options.Value;

    private RetentionPolicy Policy => Settings.Policy;

    /// <summary>Whether the settings let the policy run at all.</summary>
    public bool IsEnabled => Settings.Enabled;

    /// <summary>Today in the UK, by the injected clock.</summary>
    public DateOnly Today => UkTime.Today(clock);

    /// <summary>
    /// What a run today would do, rule by rule: each rule's total and one page of its items. Two
    /// SQL commands per rule, whatever the data; nothing is changed.
    /// </summary>
    public async Task<RetentionReport> PlanAsync(DateOnly today, IReadOnlyDictionary<RetentionRule, int>? pages, CancellationToken cancellationToken)
    {
        int PageOf(RetentionRule rule) => pages is not null && pages.TryGetValue(rule, out var page) ? page : 1;
        var rules = new List<RetentionRuleReport>
        {
            await ReportAsync(RetentionRule.InactivePerson, InactivePeople(today), PageOf(RetentionRule.InactivePerson),
                async (q, ct) => (await q.ToListAsync(ct)).Select(p => PersonItem(p, today)).ToList(), cancellationToken),
            await ReportAsync(RetentionRule.Receipt, Receipts(today), PageOf(RetentionRule.Receipt),
                async (q, ct) => (await q.ToListAsync(ct)).Select(ReceiptItem).ToList(), cancellationToken),
            await ReportAsync(RetentionRule.NoteSpeaker, Speakers(today), PageOf(RetentionRule.NoteSpeaker),
                async (q, ct) => (await q.ToListAsync(ct)).Select(SpeakerItem).ToList(), cancellationToken),
            await ReportAsync(RetentionRule.DeletedPersonsBankDetails, BankDetails(), PageOf(RetentionRule.DeletedPersonsBankDetails),
                async (q, ct) => (await q.ToListAsync(ct)).Select(BankItem).ToList(), cancellationToken),
        };
        return new RetentionReport(today, Policy, rules);
    }

    /// <summary>
    /// Applies the policy today, as <paramref name="byUserId"/> (a lead, or <see cref="SystemUserId"/>
    /// for the daily job): each action with its own audit entry, then one entry for the run.
    /// </summary>
    public async Task<RetentionRunResult> RunAsync(string byUserId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(byUserId);
        var today = Today;
        var result = new RetentionRunResult(
            await AnonymiseInactivePeopleAsync(today, byUserId, cancellationToken),
            await DeleteReceiptsAsync(today, byUserId, cancellationToken),
            await ForgetSpeakersAsync(today, byUserId, cancellationToken),
            await DeleteBankDetailsAsync(byUserId, cancellationToken));
        var now = clock.GetUtcNow().UtcDateTime;
        db.AuditEntries.Add(new AuditEntry(AuditSubject.RetentionRun(now), null, AuditActions.RetentionRun,
            $"Retention policy run on {today:d MMMM yyyy}: {result.Describe()} Finance records (claims and payment batches) are kept: "
            + $"the portal does not delete them, and keeps them at least {Policy.FinanceRecordsKeepYears} years.",
            byUserId, now, null,
            $"People anonymised: {result.PeopleAnonymised}; receipt files deleted: {result.ReceiptsDeleted}; speakers forgotten: {result.SpeakersForgotten}; bank details deleted: {result.BankDetailsDeleted}"));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Retention policy run: {People} people anonymised, {Receipts} receipt files deleted, {Speakers} speakers forgotten, {BankDetails} bank details deleted",
            result.PeopleAnonymised, result.ReceiptsDeleted, result.SpeakersForgotten, result.BankDetailsDeleted);
        return result;
    }

    // ---- People --------------------------------------------------------------------------------

    /// <summary>A person the database found inactive: only their profile id and dates, never a name.</summary>
    private sealed class PersonFound
    {
        public int Id { get; init; }
        public DateTime CreatedUtc { get; init; }
        public DateTime UpdatedUtc { get; init; }
        public DateTime? LastSignInUtc { get; init; }
        public DateOnly? LatestActivity { get; init; }
        public DateTime? LatestClaimUtc { get; init; }
    }

    /// <summary>
    /// Experts by experience, not anonymised, holding no staff role, with nothing after the cut-off
    /// day and no claim still with finance. Found and ordered by the database.
    /// </summary>
    private IQueryable<PersonFound> InactivePeople(DateOnly today)
    {
        var latest = RetentionRules.LatestDueFrom(today, Policy.ExpertsInactiveYears);
        // Everything before the start of the next UK day was on or before the cut-off day.
        var before = UkTime.ToUtc(latest.AddDays(1), TimeOnly.MinValue);
        var staffRoleIds = db.Roles.Where(r => Roles.Staff.Contains(r.Name!)).Select(r => r.Id);
        var takingPart = RetentionRules.ActiveStatuses.ToList();
        var open = RetentionRules.OpenStatuses.ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        // Accounts made before sign-ins were recorded have none. They count as signed in when the
        // recording began (the earliest sign-in recorded), or now when none is recorded yet: after
        // an upgrade, nobody is anonymised for want of a date. Worked out by the database, in this query.
        return from p in db.ExpertProfiles.AsNoTracking()
               join u in db.Users on p.UserId equals u.Id
               let lastSignIn = u.LastSignInUtc ?? db.Users.Min(x => x.LastSignInUtc) ?? now
               where p.AnonymisedUtc == null
                     && p.CreatedUtc < before && p.UpdatedUtc < before
                     && lastSignIn < before
                     && !db.UserRoles.Any(r => r.UserId == u.Id && staffRoleIds.Contains(r.RoleId))
                     && !db.Claims.Any(c => c.ExpertProfileId == p.Id && (c.UpdatedUtc >= before || c.CreatedUtc >= before || open.Contains(c.Status)))
                     && !db.SignUps.Any(s => s.ExpertProfileId == p.Id
                         && (takingPart.Contains(s.Status) || s.Attendance == Attendance.Attended)
                         && db.Activities.Any(a => a.Id == s.ActivityId && a.Date > latest))
               orderby p.Id
               select new PersonFound
               {
                   Id = p.Id,
                   CreatedUtc = p.CreatedUtc,
                   UpdatedUtc = p.UpdatedUtc,
                   LastSignInUtc = lastSignIn,
                   LatestActivity = db.SignUps.Where(s => s.ExpertProfileId == p.Id && (takingPart.Contains(s.Status) || s.Attendance == Attendance.Attended))
                       .Join(db.Activities, s => s.ActivityId, a => a.Id, (s, a) => (DateOnly?)a.Date).Max(),
                   LatestClaimUtc = db.Claims.Where(c => c.ExpertProfileId == p.Id).Max(c => (DateTime?)c.UpdatedUtc),
               };
    }

    private static PersonActivityFacts Facts(PersonFound p, bool isStaff, bool anonymised, bool claimOpen) =>
        new(isStaff, anonymised, p.CreatedUtc, p.UpdatedUtc, p.LastSignInUtc, p.LatestActivity, p.LatestClaimUtc, claimOpen);

    private static DateOnly UkDate(DateTime utc) => DateOnly.FromDateTime(UkTime.ToUk(utc));

    private RetentionItem PersonItem(PersonFound p, DateOnly today)
    {
        var lastActive = RetentionRules.LastActive(Facts(p, false, false, false), UkDate);
        return new(ExpertProfile.PayeeReferenceOf(p.Id), $"Inactive since {lastActive:d MMMM yyyy}",
            RetentionRules.DueOn(lastActive, Policy.ExpertsInactiveYears));
    }

    private async Task<int> AnonymiseInactivePeopleAsync(DateOnly today, string byUserId, CancellationToken cancellationToken)
    {
        var done = 0;
        var afterId = 0;
        while (true)
        {
            var batch = await InactivePeople(today).Where(c => c.Id > afterId).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return done;
            }
            afterId = batch[^1].Id;
            foreach (var found in batch)
            {
                var profile = await db.ExpertProfiles.SingleAsync(p => p.Id == found.Id, cancellationToken);
                // The database found them; the domain decides, on the same facts, checked again.
                var isStaff = await db.UserRoles.AnyAsync(r => r.UserId == profile.UserId
                    && db.Roles.Any(role => role.Id == r.RoleId && Roles.Staff.Contains(role.Name!)), cancellationToken);
                var open = RetentionRules.OpenStatuses.ToList();
                var claimOpen = await db.Claims.AnyAsync(c => c.ExpertProfileId == profile.Id && open.Contains(c.Status), cancellationToken);
                var facts = Facts(found, isStaff, profile.AnonymisedUtc is not null, claimOpen);
                if (RetentionRules.ForPerson(facts, Policy, today, UkDate) != PersonRetention.Due)
                {
                    continue;
                }
                // The same deletion a person asks for, recorded as the policy's (one save per person).
                // One person who cannot be erased today (changed at this moment, say) does not stop
                // the others, nor the rules after this one: they are found again by the next run.
                try
                {
                    await profiles.EraseAsync(profile, byUserId, RetentionRules.LastActive(facts, UkDate), cancellationToken);
                    done++;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Retention could not anonymise profile {ProfileId} today; the next run tries again", found.Id);
                    db.ChangeTracker.Clear();
                }
            }
            db.ChangeTracker.Clear();
        }
    }

    // ---- Receipts ------------------------------------------------------------------------------

    private sealed class ReceiptFound
    {
        public int ClaimId { get; init; }
        public int Number { get; init; }
        public DateTime FinishedUtc { get; init; }
    }

    /// <summary>Receipt files still held on claims finished (paid, rejected, or a deleted person's unsent draft) on or before the cut-off day.</summary>
    private IQueryable<ReceiptFound> Receipts(DateOnly today)
    {
        var latest = RetentionRules.LatestDueFrom(today, Policy.ReceiptsKeepYears);
        var before = UkTime.ToUtc(latest.AddDays(1), TimeOnly.MinValue);
        return from c in db.Claims.AsNoTracking()
               from e in c.Expenses
               where e.ReceiptFileReference != null
               let finished = c.Status == ClaimStatus.Paid || c.Status == ClaimStatus.Rejected
                   ? c.Decisions.Where(d => d.Step == ClaimStep.Paid || d.Step == ClaimStep.Rejected).Max(d => (DateTime?)d.AtUtc)
                   : c.Status == ClaimStatus.Draft
                       ? db.ExpertProfiles.Where(p => p.Id == c.ExpertProfileId).Select(p => p.AnonymisedUtc).FirstOrDefault()
                       : null
               where finished != null && finished < before
               orderby c.Id, e.Number
               select new ReceiptFound { ClaimId = c.Id, Number = e.Number, FinishedUtc = finished!.Value };
    }

    private RetentionItem ReceiptItem(ReceiptFound r) =>
        new($"Claim {r.ClaimId}, expense {r.Number}", $"Claim finished {UkDate(r.FinishedUtc):d MMMM yyyy}",
            RetentionRules.DueOn(UkDate(r.FinishedUtc), Policy.ReceiptsKeepYears));

    private async Task<int> DeleteReceiptsAsync(DateOnly today, string byUserId, CancellationToken cancellationToken)
    {
        var done = 0;
        var afterClaim = 0;
        while (true)
        {
            var batch = await Receipts(today).Where(r => r.ClaimId > afterClaim).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return done;
            }
            // Whole claims only, so that the next batch starts after the last claim.
            afterClaim = batch[^1].ClaimId;
            var ids = batch.Select(r => r.ClaimId).Distinct().ToList();
            var claims = await db.Claims.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var toDelete = new List<string>();
            foreach (var claimId in ids)
            {
                var found = batch.Where(r => r.ClaimId == claimId).ToList();
                var finished = UkDate(found[0].FinishedUtc);
                if (!RetentionRules.ReceiptDue(finished, Policy, today))
                {
                    continue;
                }
                // Any further lines of this claim beyond the batch are due too: same claim, same date.
                foreach (var line in claims[claimId].Expenses.Where(e => e.HasReceiptFile).Select(e => e.Number).ToList())
                {
                    if (claims[claimId].DeleteReceipt(line, now) is { } reference)
                    {
                        toDelete.Add(reference);
                        db.AuditEntries.Add(new AuditEntry(AuditSubject.Claim(claimId), null, AuditActions.RetentionReceiptDeleted,
                            $"Receipt file for expense {line} deleted by the retention policy: the claim finished on {finished:d MMMM yyyy}, "
                            + $"{Policy.ReceiptsKeepYears} years before. The expense and the file's name are kept.",
                            byUserId, now));
                        done++;
                    }
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            // Files go only once the claims no longer point at them; a file already gone is fine.
            foreach (var reference in toDelete)
            {
                await DeleteFileAsync(reference, cancellationToken);
            }
        }
    }

    private async Task DeleteFileAsync(string reference, CancellationToken cancellationToken)
    {
        try
        {
            await files.DeleteAsync(reference, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The claim no longer points at it, so no later run finds it again: say which file, for
            // whoever runs the service to delete by hand. (A sweep for such files is still to come.)
            logger.LogError(e, "Receipt file {FileReference}, whose retention period has ended, could not be deleted: delete it from the file store by hand", reference);
        }
    }

    // ---- Who said what -------------------------------------------------------------------------

    private sealed class SpeakerFound
    {
        public long Id { get; init; }
        public DateOnly ActivityDate { get; init; }
    }

    private IQueryable<SpeakerFound> Speakers(DateOnly today)
    {
        var latest = RetentionRules.LatestDueFrom(today, Policy.NoteSpeakersKeepYears);
        return from i in db.FeedbackItems.AsNoTracking()
               join a in db.Activities on i.ActivityId equals a.Id
               where i.SaidByExpertProfileId != null && a.Date <= latest
               orderby i.Id
               select new SpeakerFound { Id = i.Id, ActivityDate = a.Date };
    }

    private RetentionItem SpeakerItem(SpeakerFound s) =>
        new($"Note {s.Id}", $"Activity on {s.ActivityDate:d MMMM yyyy}", RetentionRules.DueOn(s.ActivityDate, Policy.NoteSpeakersKeepYears));

    private async Task<int> ForgetSpeakersAsync(DateOnly today, string byUserId, CancellationToken cancellationToken)
    {
        var done = 0;
        var afterId = 0L;
        while (true)
        {
            var batch = await Speakers(today).Where(s => s.Id > afterId).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return done;
            }
            afterId = batch[^1].Id;
            var ids = batch.Select(s => s.Id).ToList();
            var notes = await db.FeedbackItems.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var found in batch)
            {
                var note = notes[found.Id];
                if (!RetentionRules.SpeakerDue(found.ActivityDate, note.SaidByExpertProfileId is not null, Policy, today))
                {
                    continue;
                }
                note.ForgetSpeaker(now);
                db.AuditEntries.Add(new AuditEntry(AuditSubject.FeedbackItem(note.Id), note.ProjectId, AuditActions.RetentionSpeakerForgotten,
                    $"Who said this note forgotten by the retention policy: its activity was on {found.ActivityDate:d MMMM yyyy}, "
                    + $"{Policy.NoteSpeakersKeepYears} years before. The note stays as the group's.",
                    byUserId, now));
                done++;
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    // ---- Deleted people's bank details ---------------------------------------------------------

    private sealed class BankFound
    {
        public int ProfileId { get; init; }
        public DateTime DeletedUtc { get; init; }
        public DateTime? LastClaimUtc { get; init; }
    }

    /// <summary>Bank details still held for a deleted person, when no claim still has to be paid into their account.</summary>
    private IQueryable<BankFound> BankDetails()
    {
        var enabled = Settings.DeletedPeoplesBankDetails;
        var needing = RetentionRules.OpenStatuses.ToList();
        return from d in db.PaymentDetails.AsNoTracking()
               join p in db.ExpertProfiles on d.ExpertProfileId equals p.Id
               where enabled && d.ProtectedBankDetails != null && p.AnonymisedUtc != null
                     && !db.Claims.Any(c => c.ExpertProfileId == p.Id && c.PaymentMethod == ClaimPaymentMethod.BankTransfer
                         && c.Total > Money.Zero && needing.Contains(c.Status))
               orderby p.Id
               select new BankFound { ProfileId = p.Id, DeletedUtc = p.AnonymisedUtc!.Value, LastClaimUtc = db.Claims.Where(c => c.ExpertProfileId == p.Id).Max(c => (DateTime?)c.UpdatedUtc) };
    }

    private static RetentionItem BankItem(BankFound b)
    {
        var due = b.LastClaimUtc is { } last && last > b.DeletedUtc ? last : b.DeletedUtc;
        return new(ExpertProfile.PayeeReferenceOf(b.ProfileId), $"Person deleted on {UkDate(b.DeletedUtc):d MMMM yyyy}", UkDate(due));
    }

    private async Task<int> DeleteBankDetailsAsync(string byUserId, CancellationToken cancellationToken)
    {
        var done = 0;
        var afterId = 0;
        while (true)
        {
            var batch = await BankDetails().Where(b => b.ProfileId > afterId).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return done;
            }
            afterId = batch[^1].ProfileId;
            var ids = batch.Select(b => b.ProfileId).ToList();
            var details = await db.PaymentDetails.Where(d => ids.Contains(d.ExpertProfileId)).ToListAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var held in details)
            {
                // The database found no claim needing them; the domain agrees before they go.
                if (!RetentionRules.BankDetailsDue(personDeleted: true, held.HasBankDetails, stillNeeded: false))
                {
                    continue;
                }
                held.RemoveBankDetails(now);
                db.AuditEntries.Add(new AuditEntry(AuditSubject.PaymentDetails(held.ExpertProfileId), null, AuditActions.RetentionBankDetailsDeleted,
                    "Bank details of a deleted person removed by the retention policy: no claim still has to be paid into their account.",
                    byUserId, now));
                done++;
            }
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    // ---- Reports -------------------------------------------------------------------------------

    private static async Task<RetentionRuleReport> ReportAsync<T>(
        RetentionRule rule, IQueryable<T> due, int page, Func<IQueryable<T>, CancellationToken, Task<List<RetentionItem>>> read, CancellationToken cancellationToken)
    {
        var total = await due.CountAsync(cancellationToken);
        var paging = Paging.Of(total, PageSize, page);
        var items = await read(due.Skip(paging.Skip).Take(paging.Size), cancellationToken);
        return new RetentionRuleReport(rule, total, items, paging);
    }
}
