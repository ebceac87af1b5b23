using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Claims;

/// <summary>
/// Owns every change to a claim before finance decides on it: the draft made when attendance is
/// recorded, a claim made on someone's behalf, expenses, the fee taken, how it is paid, and
/// sending it. It loads the claim, lets <see cref="Claim"/> decide, audits the change with the
/// amounts before and after (never bank or benefit details), and saves once. When someone else
/// changed the claim at the same moment, it starts again from a fresh copy; a refusal comes back as
/// a <see cref="PaymentRuleException"/> in words a person can act on.
/// </summary>
public sealed class ClaimService(CoProduceDbContext db, ClaimEarnings earnings, IFileStore files, TimeProvider clock)
{
    private const int Attempts = 3;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    // ----- With attendance: called by ActivityService inside its transaction -----

    /// <summary>The claim for a sign-up's attendance (not a correction), tracked, or null.</summary>
    public Task<Claim?> AttendanceClaimAsync(int signUpId, CancellationToken cancellationToken) =>
        db.Claims.SingleOrDefaultAsync(c => c.SignUpId == signUpId && c.CorrectsClaimId == null, cancellationToken);

    /// <summary>
    /// After attendance is recorded: makes the draft claim for someone who attended or whom the
    /// council cancelled on late, or brings an existing draft up to date. The caller saves. A new
    /// claim's audit entry needs its id, so it comes back to be added after the first save.
    /// </summary>
    public async Task<Func<AuditEntry>?> FollowAttendanceAsync(SignUp signUp, Claim? claim, string userId, CancellationToken cancellationToken)
    {
        var preference = await db.ExpertProfiles.AsNoTracking().Where(p => p.Id == signUp.ExpertProfileId)
            .Select(p => p.PaymentPreference).SingleAsync(cancellationToken);
        var fee = ClaimRules.FeeFor(signUp.Attendance, signUp.FixedFee, signUp.TimeGiven, preference);
        if (claim is null)
        {
            if (!ClaimRules.MakesClaim(signUp.Attendance))
            {
                return null;
            }
            var made = Claim.FromAttendance(new ClaimAttendance(signUp.ExpertProfileId, signUp.ActivityId, signUp.Id, userId), fee,
                ClaimRules.PaymentMethodFor(preference), userId, Now);
            db.Claims.Add(made);
            var now = Now;
            return () => new AuditEntry(AuditSubject.Claim(made.Id), null, AuditActions.ClaimCreated,
                $"Draft claim made when attendance was recorded (activity {made.ActivityId}): fee {FeeText(made.FeeOffered)}.", userId, now, null, Describe(made));
        }
        if (claim.CanChange)
        {
            var before = Describe(claim);
            if (claim.FollowAttendance(fee, userId, Now))
            {
                Audit(claim, AuditActions.ClaimChanged, userId, before);
            }
        }
        return null;
    }

    /// <summary>
    /// After the council cancels an activity: an expenses-only draft for each person who had a
    /// place and has no claim yet, so that what they had already spent is repaid (the cancellation
    /// email promises it). The caller saves; each audit entry comes back to be added after that.
    /// </summary>
    public async Task<IReadOnlyList<Func<AuditEntry>>> FollowCancellationAsync(Activity activity, string userId, CancellationToken cancellationToken)
    {
        var placed = activity.SignUps.Where(s => s.Status == SignUpStatus.Confirmed).ToList();
        var placedIds = placed.Select(s => s.Id).ToList();
        var claimed = await db.Claims.Where(c => placedIds.Contains(c.SignUpId)).Select(c => c.SignUpId).ToListAsync(cancellationToken);
        var profileIds = placed.Select(s => s.ExpertProfileId).ToList();
        var preferences = await db.ExpertProfiles.AsNoTracking().Where(p => profileIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.PaymentPreference, cancellationToken);
        var audits = new List<Func<AuditEntry>>();
        var now = Now;
        foreach (var signUp in placed.Where(s => !claimed.Contains(s.Id)))
        {
            var made = Claim.ForCancellation(new ClaimAttendance(signUp.ExpertProfileId, activity.Id, signUp.Id, userId),
                ClaimRules.PaymentMethodFor(preferences.GetValueOrDefault(signUp.ExpertProfileId)), userId, now);
            db.Claims.Add(made);
            audits.Add(() => new AuditEntry(AuditSubject.Claim(made.Id), null, AuditActions.ClaimCreated,
                $"Draft claim made when the activity was cancelled (activity {made.ActivityId}): expenses only.", userId, now, null, Describe(made)));
        }
        return audits;
    }

    // ----- Made on someone's behalf -----

    /// <summary>
    /// An organiser makes the claim for a person with a place, who may have no email. There is one
    /// claim per attendance: if one exists already (recorded attendance made it, or the form was
    /// sent twice), that claim is the answer, not an error.
    /// </summary>
    public async Task<int> MakeOnBehalfAsync(int activityId, int signUpId, string userId, CancellationToken cancellationToken)
    {
        if (await ExistingAsync(signUpId, cancellationToken) is { } existing)
        {
            return existing;
        }
        var signUp = await db.SignUps.AsNoTracking().SingleOrDefaultAsync(s => s.Id == signUpId && s.ActivityId == activityId, cancellationToken)
            ?? throw new ClaimNotFoundException();
        var person = await db.ExpertProfiles.AsNoTracking().Where(p => p.Id == signUp.ExpertProfileId)
            .Select(p => new { p.PaymentPreference, HasEmail = p.ContactEmail != null }).SingleAsync(cancellationToken);
        if (ClaimRules.WhyNoClaimOnBehalf(signUp.Status, signUp.Attendance, person.HasEmail) is { } refusal)
        {
            throw new PaymentRuleException(refusal);
        }
        var preference = person.PaymentPreference;
        var claim = Claim.OnBehalf(new ClaimAttendance(signUp.ExpertProfileId, activityId, signUpId, signUp.AttendanceRecordedByUserId ?? userId),
            ClaimRules.FeeFor(signUp.Attendance, signUp.FixedFee, signUp.TimeGiven, preference), ClaimRules.PaymentMethodFor(preference), userId, Now);
        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                db.Claims.Add(claim);
                // The claim needs its id before the audit entry can name it.
                await db.SaveChangesAsync(cancellationToken);
                db.AuditEntries.Add(new AuditEntry(AuditSubject.Claim(claim.Id), null, AuditActions.ClaimCreated,
                    $"Claim made on the claimant's behalf (activity {activityId}): fee {FeeText(claim.FeeOffered)}.", userId, Now, null, Describe(claim)));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
            return claim.Id;
        }
        catch (DbUpdateException collision) when (collision is not DbUpdateConcurrencyException)
        {
            // Another request made the claim for this attendance first: the unique index on the sign-up said so.
            db.ChangeTracker.Clear();
            return await ExistingAsync(signUpId, cancellationToken) ?? throw new InvalidOperationException("The claim could not be saved.", collision);
        }
    }

    /// <summary>
    /// Puts an approved claim right with a correction: a new claim, linked to it, for the
    /// difference only (see <see cref="Claim.Correcting"/>): in the fee, and in the expenses as one
    /// line. Finance states the whole difference, so the correction is sent at once; segregation of
    /// duties then needs another finance officer to approve it.
    /// </summary>
    public async Task<int> MakeCorrectionAsync(int claimId, Money feeDifference, Money expensesDifference, string reason, string userId, CancellationToken cancellationToken)
    {
        var original = await db.Claims.AsNoTracking().SingleOrDefaultAsync(c => c.Id == claimId, cancellationToken) ?? throw new ClaimNotFoundException();
        var now = Now;
        var correction = Claim.Correcting(original, feeDifference, reason, userId, now);
        if (expensesDifference != Money.Zero)
        {
            correction.AddExpense(ExpenseCategory.Other, expensesDifference, null, userId, now, "Difference in expenses");
        }
        correction.Submit(userId, now);
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            db.Claims.Add(correction);
            // The correction needs its id before the audit entry can name it.
            await db.SaveChangesAsync(cancellationToken);
            db.AuditEntries.Add(new AuditEntry(AuditSubject.Claim(correction.Id), null, AuditActions.ClaimCreated,
                $"Correction of claim {original.Id}: fee difference {correction.FeeOffered?.Format()}, expenses difference {expensesDifference.Format()}.",
                userId, now, null, Describe(correction)));
            db.AuditEntries.Add(new AuditEntry(AuditSubject.Claim(correction.Id), null, AuditActions.ClaimSubmitted,
                $"Claim {correction.Id}: sent to finance. Total {correction.Total.Format()}.", userId, now, null, Describe(correction)));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        return correction.Id;
    }

    private Task<int?> ExistingAsync(int signUpId, CancellationToken cancellationToken) =>
        db.Claims.Where(c => c.SignUpId == signUpId && c.CorrectsClaimId == null).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);

    // ----- The claimant's changes (or an organiser's for them) -----

    /// <summary>
    /// Adds a line at what the expenses policy allows, checked against the claim's lines as they are
    /// at the moment of saving, so that two lines added at once can never pass a cap together. The
    /// receipt, if any, is stored first, under a key of the store's choosing.
    /// </summary>
    public async Task<ExpenseCheck> AddExpenseAsync(int claimId, ClaimActor actor, ExpenseToAdd expense, CancellationToken cancellationToken)
    {
        Receipt? receipt = null;
        if (expense.Receipt is { } file)
        {
            await using var content = file.Open();
            receipt = new Receipt(await files.SaveAsync(content, cancellationToken), file.SafeFileName);
        }
        ExpenseCheck? check = null;
        await ChangeAsync(claimId, actor, claim =>
        {
            check = expense.Policy.Check(expense.Line, claim.AllowedSoFar(expense.Line.Category));
            if (check.IsRefused)
            {
                throw new PaymentRuleException(check.Refusals[0]);
            }
            claim.AddExpense(check.Category, check.Allowed, receipt, actor.UserId, Now, expense.Description, expense.Line.Miles);
        }, cancellationToken);
        return check!;
    }

    public Task RemoveExpenseAsync(int claimId, ClaimActor actor, int number, CancellationToken cancellationToken) =>
        ChangeAsync(claimId, actor, claim =>
        {
            if (claim.Expenses.All(e => e.Number != number))
            {
                throw new PaymentRuleException("That expense is not on this claim any more.");
            }
            claim.RemoveExpense(number, actor.UserId, Now);
        }, cancellationToken);

    /// <summary>Takes the whole fee (null), part of it, or none (£0), keeping the expenses.</summary>
    public Task TakeFeeAsync(int claimId, ClaimActor actor, Money? amount, CancellationToken cancellationToken) =>
        ChangeAsync(claimId, actor, claim => claim.TakeFee(amount ?? claim.FeeOffered ?? Money.Zero, actor.UserId, Now), cancellationToken);

    public Task ChoosePaymentMethodAsync(int claimId, ClaimActor actor, ClaimPaymentMethod method, CancellationToken cancellationToken) =>
        ChangeAsync(claimId, actor, claim => claim.ChoosePaymentMethod(method, actor.UserId, Now), cancellationToken);

    /// <summary>
    /// Sends the claim to finance, first or after a query with the answer. The benefit warnings are
    /// worked out again here, from the same figures the "Check and send" page showed, and kept on
    /// the claim so finance sees what the claimant saw. They warn; they never stop the claim.
    /// </summary>
    public Task SubmitAsync(int claimId, ClaimActor actor, string? answer, CancellationToken cancellationToken) =>
        ChangeAsync(claimId, actor, async claim =>
        {
            var facts = await db.SignUps.AsNoTracking().Where(s => s.Id == claim.SignUpId)
                .Join(db.Activities, s => s.ActivityId, a => a.Id, (s, a) => new { a.Date, s.ActivityMinutes, s.PreparationMinutes, s.TravelMinutes })
                .SingleAsync(cancellationToken);
            var time = facts.ActivityMinutes is { } minutes ? new TimeGiven(minutes, facts.PreparationMinutes ?? 0, facts.TravelMinutes ?? 0) : null;
            var advice = await earnings.CheckAsync(claim.Id, claim.ExpertProfileId, facts.Date, claim.FeeTaken, time, actor.IsOrganiser, cancellationToken);
            claim.Submit(actor.UserId, Now, answer, advice.AsSeen);
        }, cancellationToken, AuditActions.ClaimSubmitted);

    private Task ChangeAsync(int claimId, ClaimActor actor, Action<Claim> change, CancellationToken cancellationToken) =>
        ChangeAsync(claimId, actor, claim =>
        {
            change(claim);
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>Loads, checks who is asking, changes, audits and saves once; on a concurrent change, starts again.</summary>
    private async Task ChangeAsync(int claimId, ClaimActor actor, Func<Claim, Task> change, CancellationToken cancellationToken,
        string action = AuditActions.ClaimChanged)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            var claim = await db.Claims.SingleOrDefaultAsync(c => c.Id == claimId, cancellationToken);
            if (claim is null || !await ClaimAccess.MayActAsync(db, claim.ExpertProfileId, claim.Origin, actor, cancellationToken))
            {
                throw new ClaimNotFoundException();
            }
            var before = Describe(claim);
            await change(claim);
            Audit(claim, action, actor.UserId, before);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // Someone else changed the claim (finance, or the claimant in another tab): decide again on a fresh copy.
            }
        }
    }

    /// <summary>
    /// The change in words, with the figures before and after. A change's note is the portal's own
    /// words ("Added expense 2: meals, £5"); a sent claim's note is the claimant's answer to finance,
    /// which may say something personal, so the log names only the step.
    /// </summary>
    private void Audit(Claim claim, string action, string userId, string before)
    {
        var latest = claim.LatestDecision;
        var what = latest.Step is ClaimStep.Changed or ClaimStep.Created && latest.Note is { } note ? note : ClaimWords.Step(latest.Step);
        db.AuditEntries.Add(new AuditEntry(AuditSubject.Claim(claim.Id), null, action,
            $"Claim {claim.Id}: {what}. Total {claim.Total.Format()}.", userId, Now, before, Describe(claim)));
    }

    /// <summary>What the audit log keeps of a claim: status and amounts, never bank or benefit details.</summary>
    private static string Describe(Claim c) =>
        $"{c.Status}; fee offered {FeeText(c.FeeOffered)}; fee taken {c.FeeTaken.Format()}; expenses {c.ExpensesTotal.Format()} " +
        $"({c.Expenses.Count} lines); total {c.Total.Format()}; paid by {c.PaymentMethod}";

    private static string FeeText(Money? fee) => fee is { } amount ? amount.Format() : "none (expenses only)";
}

/// <summary>An expense line the policy has checked, with its receipt file if one was given and allowed.</summary>
/// <summary>An expense line as the claimant gave it, with the expenses policy it is checked against and its receipt, if allowed.</summary>
public sealed record ExpenseToAdd(ExpensesPolicy Policy, ExpenseToCheck Line, string? Description, CheckedReceipt? Receipt);

/// <summary>An uploaded receipt that has passed <see cref="ReceiptFiles"/>.</summary>
public sealed record CheckedReceipt(string SafeFileName, string ContentType, Func<Stream> Open);
