using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Features.Activities;
using CoProduce.Web.Infrastructure.Email;
using CoProduce.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Finance;

/// <summary>What came of a decision on a claim.</summary>
public sealed record ClaimDecisionOutcome(ClaimDecisionOutcome.Kind Result, string? Message = null)
{
    public const string DecidedMeanwhile = "Someone else has just decided this claim. The page now shows it as it is: check it before you do anything more.";

    public enum Kind { Done, NotFound, Refused, ChangedMeanwhile }

    public static readonly ClaimDecisionOutcome NotFound = new(Kind.NotFound);
    public static readonly ClaimDecisionOutcome Meanwhile = new(Kind.ChangedMeanwhile, DecidedMeanwhile);

    public static ClaimDecisionOutcome Done(string message) => new(Kind.Done, message);

    public static ClaimDecisionOutcome Refused(string why) => new(Kind.Refused, why);
}

/// <summary>
/// Finance's decisions on claims: approve, reject with a reason, or query (a question back to the
/// claimant, emailed). The claim decides, segregation of duties included; this service loads it,
/// writes the audit entry and any email beside the change, and saves once. The claim's concurrency
/// token makes two decisions at the same moment collide: exactly one is saved, and the other
/// finance officer is told plainly.
/// </summary>
public sealed class ClaimApprovalService(CoProduceDbContext db, IEmailOutbox outbox, PublicLinks links, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<ClaimDecisionOutcome> ApproveAsync(int claimId, Guid? seenVersion, string userId, CancellationToken cancellationToken) =>
        DecideAsync(claimId, seenVersion, userId, async claim =>
        {
            var settings = await db.PaymentSettings.AsNoTracking().SingleAsync(s => s.Id == PaymentSettings.TheOneId, cancellationToken);
            var myProfileId = await db.ExpertProfiles.AsNoTracking().Where(p => p.UserId == userId).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);
            claim.Approve(new Approver(userId, myProfileId), settings.ApprovalRules, Now);
            var complete = claim.Status == ClaimStatus.Approved;
            return (AuditActions.ClaimApproved,
                complete ? $"Claim {claim.Id} approved." : $"Claim {claim.Id} approved by the first of two finance officers.",
                complete ? $"Claim {FinanceText.ClaimReference(claim.Id)} approved" : $"First approval given: claim {FinanceText.ClaimReference(claim.Id)} now needs a second finance officer to approve it");
        }, cancellationToken);

    public Task<ClaimDecisionOutcome> RejectAsync(int claimId, Guid? seenVersion, string reason, string userId, CancellationToken cancellationToken) =>
        DecideAsync(claimId, seenVersion, userId, claim =>
        {
            claim.Reject(reason, userId, Now);
            // The reason is in the claim's own history; the audit log keeps the decision and the money.
            return Task.FromResult((AuditActions.ClaimRejected, $"Claim {claim.Id} rejected, with a reason.", $"Claim {FinanceText.ClaimReference(claim.Id)} rejected"));
        }, cancellationToken);

    public Task<ClaimDecisionOutcome> QueryAsync(int claimId, Guid? seenVersion, string question, string userId, CancellationToken cancellationToken) =>
        DecideAsync(claimId, seenVersion, userId, async claim =>
        {
            claim.Query(question, userId, Now);
            var emailed = await TellClaimantAsync(claim, question.Trim(), cancellationToken);
            return (AuditActions.ClaimQueried, $"Claim {claim.Id} sent back to the claimant with a question.",
                emailed
                    ? $"Question sent: claim {FinanceText.ClaimReference(claim.Id)} is back with the claimant, who has been emailed"
                    : $"Question sent: claim {FinanceText.ClaimReference(claim.Id)} is back with the claimant, who has no email address. The organiser has it on the activity's list of people to ring or text");
        }, cancellationToken);

    /// <summary>Loads the claim, lets it decide, audits the change (status and total, before and after) and saves once.</summary>
    private async Task<ClaimDecisionOutcome> DecideAsync(int claimId, Guid? seenVersion, string userId,
        Func<Claim, Task<(string Action, string Summary, string Told)>> decide, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var claim = await db.Claims.Include(c => c.Expenses).Include(c => c.Decisions).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == claimId, cancellationToken);
        if (claim is null)
        {
            return ClaimDecisionOutcome.NotFound;
        }
        if (seenVersion is { } seen && seen != claim.Version)
        {
            return ClaimDecisionOutcome.Meanwhile;
        }
        var before = State(claim);
        (string Action, string Summary, string Told) done;
        try
        {
            done = await decide(claim);
        }
        catch (PaymentRuleException refused)
        {
            db.ChangeTracker.Clear();
            return ClaimDecisionOutcome.Refused(refused.Message);
        }
        db.AuditEntries.Add(new AuditEntry(AuditSubject.Claim(claim.Id), null, done.Action, done.Summary, userId, Now, before, State(claim)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException collision) when (IsCollision(collision))
        {
            // Another finance officer decided (or the claimant changed) the claim after it was loaded.
            db.ChangeTracker.Clear();
            return ClaimDecisionOutcome.Meanwhile;
        }
        return ClaimDecisionOutcome.Done(done.Told);
    }

    /// <summary>Emails the question to the claimant, or, without an email address, puts it on the organiser's "ring or text" list.</summary>
    private async Task<bool> TellClaimantAsync(Claim claim, string question, CancellationToken cancellationToken)
    {
        var person = await db.ExpertProfiles.AsNoTracking().Where(p => p.Id == claim.ExpertProfileId)
            .Select(p => new { p.PreferredName, p.ContactEmail, p.AnonymisedUtc, p.AccessNeeds }).SingleAsync(cancellationToken);
        var activity = await db.Activities.AsNoTracking().Where(a => a.Id == claim.ActivityId).Select(a => a.Title).SingleAsync(cancellationToken);
        var subject = $"A question about your claim: {activity}";
        var text = $"Hello {person.PreferredName},\n\nOur finance team has a question about your claim for {activity}:\n\n{question}\n\n" +
            "Please answer it and send your claim again. You can change the claim before you send it.\n\n" +
            $"Your claim: {new Uri(links.To($"/my-payments/claims/{claim.Id}")).AbsoluteUri}\n\nCoProduce";
        if (EasyReadEmails.Wanted(person.AccessNeeds))
        {
            (subject, text) = new EasyReadEmails(links).ClaimQuestion(person.PreferredName, activity, claim.Id, question);
        }
        var about = new EmailAbout(claim.ActivityId, claim.ExpertProfileId);
        var address = person.ContactEmail?.Trim();
        if (person.AnonymisedUtc is not null || string.IsNullOrEmpty(address) || !EmailAddresses.IsSendable(address))
        {
            outbox.AddNotEmailable(subject, text, about);
            return false;
        }
        outbox.Add(new EmailMessage(address, subject, text), about);
        return true;
    }

    /// <summary>
    /// Two changes to one claim at once: its version had moved on, or the other change's step of
    /// the claim's history took the same number first (the database may write the new history row
    /// before it checks the claim's version). Any other failure is not a collision.
    /// </summary>
    internal static bool IsCollision(DbUpdateException failure) =>
        failure is DbUpdateConcurrencyException || failure.Entries.Any(e => e.Entity is ClaimDecision && e.State == EntityState.Added);

    /// <summary>What the audit log keeps of a claim: where it stands and its total, never bank or benefit details.</summary>
    internal static string State(Claim claim) => $"{claim.Status}; total {claim.Total}";
}
