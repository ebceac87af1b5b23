using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Domain.Payments;

/// <summary>
/// Where a claim stands. Queried: finance asked the claimant a question, and the claimant changes
/// the claim and sends it again. AwaitingSecondApproval: one finance officer approved a claim big
/// enough to need two. Batched: in a payment batch for bank transfer. Rejected and Paid are final.
/// </summary>
public enum ClaimStatus { Draft, Submitted, Queried, AwaitingSecondApproval, Approved, Rejected, Batched, Paid }

/// <summary>How a claim is paid. None: no way chosen yet, which only a claim with nothing to pay out may keep.</summary>
public enum ClaimPaymentMethod { None, BankTransfer, Voucher }

/// <summary>
/// How a claim came about: when an organiser recorded attendance, made by someone on the claimant's
/// behalf (for a person who has no email, say), or as a correction of an approved claim.
/// </summary>
public enum ClaimOrigin { AttendanceRecorded, MadeOnBehalf, Correction, CancelledByCouncil }

/// <summary>The attendance a claim pays for: whose, at which activity and sign-up, and who recorded it.</summary>
public sealed record ClaimAttendance(int ExpertProfileId, int ActivityId, int SignUpId, string RecordedByUserId);

/// <summary>
/// One person's claim for one attendance: the part of their fee they take and the expenses they
/// are repaid. It keeps every step of its history (<see cref="Decisions"/>). Once approved it never
/// changes: a mistake is put right by a correction, a new claim for the difference, linked to it.
/// </summary>
public sealed class Claim : IConcurrencyVersioned
{
    public const int WarningsSeenMaxLength = 4000;

    private readonly List<ExpenseLine> _expenses = [];
    private readonly List<ClaimDecision> _decisions = [];

    private Claim()
    {
    }

    private Claim(ClaimAttendance attendance, ClaimOrigin origin, Money? fee, ClaimPaymentMethod paymentMethod, string createdByUserId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(attendance);
        ArgumentException.ThrowIfNullOrWhiteSpace(attendance.RecordedByUserId);
        ArgumentException.ThrowIfNullOrWhiteSpace(createdByUserId);
        ExpertProfileId = attendance.ExpertProfileId;
        ActivityId = attendance.ActivityId;
        SignUpId = attendance.SignUpId;
        AttendanceRecordedByUserId = attendance.RecordedByUserId;
        Origin = origin;
        FeeOffered = fee;
        FeeTaken = fee ?? Money.Zero;
        Total = FeeTaken;
        PaymentMethod = paymentMethod;
        Status = ClaimStatus.Draft;
        CreatedByUserId = createdByUserId;
        CreatedUtc = nowUtc;
        UpdatedUtc = nowUtc;
    }

    public int Id { get; private set; }
    public int ExpertProfileId { get; private set; }
    public int ActivityId { get; private set; }
    public int SignUpId { get; private set; }
    public string AttendanceRecordedByUserId { get; private set; } = string.Empty;
    public ClaimOrigin Origin { get; private set; }

    /// <summary>The claim a correction puts right; null for any other claim.</summary>
    public int? CorrectsClaimId { get; private set; }

    public string CreatedByUserId { get; private set; } = string.Empty;
    public DateTime CreatedUtc { get; private set; }
    public DateTime UpdatedUtc { get; private set; }
    public ClaimStatus Status { get; private set; }
    public ClaimPaymentMethod PaymentMethod { get; private set; }

    /// <summary>
    /// The person's fixed fee, or null when there is none (they chose not to be paid, the activity
    /// is unpaid, or the council cancelled late): expenses only. On a correction, the fee difference.
    /// </summary>
    public Money? FeeOffered { get; private set; }

    /// <summary>The part of the fee the claimant takes: from £0 (declined) up to the whole fee.</summary>
    public Money FeeTaken { get; private set; }

    /// <summary>When the claim was first sent to finance. From then on its attendance is fixed.</summary>
    public DateTime? FirstSubmittedUtc { get; private set; }

    /// <summary>
    /// The number given to the last expense line added. Numbers are never reused, so "expense 2"
    /// in the history always means the same line, even after it was removed.
    /// </summary>
    public int LastExpenseNumber { get; private set; }

    public Guid Version { get; set; }

    public IReadOnlyList<ExpenseLine> Expenses => _expenses;

    /// <summary>Every step of the claim's history, in order.</summary>
    public IReadOnlyList<ClaimDecision> Decisions => _decisions;

    public bool IsCorrection => Origin == ClaimOrigin.Correction;
    public bool FeeDeclined => !IsCorrection && FeeOffered is { } fee && fee > Money.Zero && FeeTaken == Money.Zero;
    public Money ExpensesTotal => _expenses.Aggregate(Money.Zero, (sum, line) => sum + line.Amount);

    /// <summary>
    /// What the claim's lines already repay in a category: what a cap per claim counts before a new
    /// line (see <see cref="ExpensesPolicy.Check"/>). Lines were checked when added, so they count as they are.
    /// </summary>
    public Money AllowedSoFar(ExpenseCategory category) =>
        _expenses.Where(e => e.Category == category).Aggregate(Money.Zero, (sum, line) => sum + line.Amount);

    /// <summary>
    /// The fee taken plus the expenses, exactly. A correction's total may be less than £0: money
    /// owed back. Kept in a column (worked out again at every step) so that the database can add
    /// claims up for a batch, a period or a budget.
    /// </summary>
    public Money Total { get; private set; }

    /// <summary>
    /// The benefit warnings the claimant was shown when they last sent the claim, as they read
    /// them, so finance sees what the claimant saw. Null when there were none.
    /// </summary>
    public string? WarningsSeen { get; private set; }

    /// <summary>The claim has been sent, so the attendance it pays for may no longer change.</summary>
    public bool LocksAttendance => FirstSubmittedUtc is not null;

    public bool CanChange => Status is ClaimStatus.Draft or ClaimStatus.Queried;

    /// <summary>Approved (and perhaps paid), so put right only by a correction (see <see cref="Correcting"/>).</summary>
    public bool CanBeCorrected => Status is ClaimStatus.Approved or ClaimStatus.Batched or ClaimStatus.Paid;
    public ClaimDecision LatestDecision => _decisions.MaxBy(d => d.Number)!;

    public bool IsReadyForBatch => Status == ClaimStatus.Approved && PaymentMethod == ClaimPaymentMethod.BankTransfer && Total > Money.Zero;
    public bool IsVoucherToIssue => Status == ClaimStatus.Approved && PaymentMethod == ClaimPaymentMethod.Voucher && Total > Money.Zero;
    public bool IsOwedBack => Status == ClaimStatus.Approved && Total < Money.Zero;

    public ClaimApprovalFacts ApprovalFacts => new(
        ExpertProfileId,
        CreatedByUserId,
        InOrder.Where(d => d.Step is ClaimStep.Changed or ClaimStep.Submitted).Select(d => d.ByUserId).Distinct().ToList(),
        AttendanceRecordedByUserId,
        Total,
        InOrder.SkipWhile(d => d.Number < LastSentNumber).Where(d => d.Step == ClaimStep.Approved).Select(d => d.ByUserId).ToList());

    private IEnumerable<ClaimDecision> InOrder => _decisions.OrderBy(d => d.Number);

    private int LastSentNumber => _decisions.Where(d => d.Step == ClaimStep.Submitted).Select(d => d.Number).DefaultIfEmpty(int.MaxValue).Max();

    /// <summary>The draft made when an organiser records attendance, from the person's fixed fee (or null: expenses only).</summary>
    public static Claim FromAttendance(ClaimAttendance attendance, Money? fee, ClaimPaymentMethod paymentMethod, string createdByUserId, DateTime nowUtc) =>
        New(attendance, ClaimOrigin.AttendanceRecorded, fee, paymentMethod, createdByUserId, nowUtc, "Made when attendance was recorded");

    /// <summary>
    /// The draft made when the council cancels an activity someone had a place on: no fee, but the
    /// expenses they already had (a ticket bought, care arranged) are repaid.
    /// </summary>
    public static Claim ForCancellation(ClaimAttendance attendance, ClaimPaymentMethod paymentMethod, string createdByUserId, DateTime nowUtc) =>
        New(attendance, ClaimOrigin.CancelledByCouncil, null, paymentMethod, createdByUserId, nowUtc, "Made when the council cancelled the activity: expenses only");

    /// <summary>A draft someone makes for the claimant, who may have no email to do it themselves.</summary>
    public static Claim OnBehalf(ClaimAttendance attendance, Money? fee, ClaimPaymentMethod paymentMethod, string createdByUserId, DateTime nowUtc) =>
        New(attendance, ClaimOrigin.MadeOnBehalf, fee, paymentMethod, createdByUserId, nowUtc, "Made on the claimant's behalf");

    /// <summary>
    /// A correction of an approved claim: a new draft for the difference only, so that adding up
    /// the claims always gives what the person is owed. The fee difference may be more or less
    /// than £0, or £0 when only expenses change; expense differences are added as lines.
    /// </summary>
    public static Claim Correcting(Claim original, Money feeDifference, string reason, string createdByUserId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(original);
        if (original.Id == 0)
        {
            throw new ArgumentException("The claim to correct has not been saved.", nameof(original));
        }
        if (original.Status == ClaimStatus.Rejected)
        {
            throw new PaymentRuleException("A rejected claim pays nothing, so there is nothing to correct.");
        }
        if (original.Status is not (ClaimStatus.Approved or ClaimStatus.Batched or ClaimStatus.Paid))
        {
            throw new PaymentRuleException("Only an approved claim is corrected with a new claim. Until then, finance can query it and it can be changed.");
        }
        var why = RequiredText(reason, "Give the reason for the correction.");
        var attendance = new ClaimAttendance(original.ExpertProfileId, original.ActivityId, original.SignUpId, original.AttendanceRecordedByUserId);
        var correction = new Claim(attendance, ClaimOrigin.Correction, feeDifference, original.PaymentMethod, createdByUserId, nowUtc)
        {
            CorrectsClaimId = original.Id,
        };
        correction.Record(ClaimStep.Created, createdByUserId, nowUtc, why);
        return correction;
    }

    /// <summary>
    /// Attendance recorded again before the claim was sent: the draft follows the new fee (or none,
    /// expenses only) and who recorded it. What the claimant chose is kept: a declined fee stays
    /// declined, the whole fee stays the whole fee, and a smaller amount stays unless the new fee
    /// is smaller still. Returns false when nothing changed. Once sent, the attendance is fixed.
    /// </summary>
    public bool FollowAttendance(Money? fee, string recordedByUserId, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedByUserId);
        if (fee is { IsNegative: true })
        {
            throw new ArgumentOutOfRangeException(nameof(fee), fee, "A fee is £0 or more.");
        }
        if (IsCorrection)
        {
            throw new InvalidOperationException("A correction does not follow attendance: it is a difference set when it is made.");
        }
        if (LocksAttendance)
        {
            throw new PaymentRuleException("This claim has been sent to finance, so the attendance it pays for can no longer change.");
        }
        EnsureCanChange();
        if (fee == FeeOffered && recordedByUserId == AttendanceRecordedByUserId)
        {
            return false;
        }
        var before = FeeOffered;
        var taken = FeeDeclined ? Money.Zero
            : FeeTaken == (FeeOffered ?? Money.Zero) ? fee ?? Money.Zero
            : fee is { } newFee && newFee < FeeTaken ? newFee
            : FeeTaken;
        FeeOffered = fee;
        FeeTaken = fee is null ? Money.Zero : taken;
        AttendanceRecordedByUserId = recordedByUserId;
        Change(recordedByUserId, nowUtc, fee == before
            ? "Attendance recorded again: the fee is the same"
            : $"Attendance recorded again: the fee is now {Describe(fee)} (was {Describe(before)})");
        return true;
    }

    private static string Describe(Money? fee) => fee is { } amount ? amount.Format() : "none, expenses only";

    public ExpenseLine AddExpense(ExpenseCategory category, Money amount, Receipt? receipt, string byUserId, DateTime nowUtc, string? description = null, decimal? miles = null)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(receipt?.FileReference.Length ?? 0, ExpenseLine.ReceiptReferenceMaxLength, nameof(receipt));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(receipt?.FileName.Length ?? 0, ExpenseLine.ReceiptFileNameMaxLength, nameof(receipt));
        EnsureCanChange();
        if (IsCorrection && amount == Money.Zero)
        {
            throw new PaymentRuleException("An expense on a correction is a difference, so it cannot be £0.");
        }
        if (!IsCorrection && amount <= Money.Zero)
        {
            throw new PaymentRuleException("An expense must be more than £0.");
        }
        if ((category == ExpenseCategory.Mileage) != (miles is not null))
        {
            throw new ArgumentException("Mileage, and only mileage, gives the miles driven.", nameof(miles));
        }
        var what = string.IsNullOrWhiteSpace(description) ? null : description.Trim();
        if (what?.Length > ExpenseLine.DescriptionMaxLength)
        {
            throw new PaymentRuleException($"Say what the expense was for in {ExpenseLine.DescriptionMaxLength} characters or fewer.");
        }
        var line = new ExpenseLine(++LastExpenseNumber, category, amount, miles, what, receipt);
        _expenses.Add(line);
        Change(byUserId, nowUtc, $"Added expense {line.Number}: {ExpenseRule.Name(line.Category)}, {line.Amount}");
        return line;
    }

    public void RemoveExpense(int number, string byUserId, DateTime nowUtc)
    {
        EnsureCanChange();
        var line = _expenses.SingleOrDefault(e => e.Number == number)
            ?? throw new ArgumentException($"This claim has no expense {number}.", nameof(number));
        _expenses.Remove(line);
        Change(byUserId, nowUtc, $"Removed expense {line.Number}: {ExpenseRule.Name(line.Category)}, {line.Amount}");
    }

    /// <summary>
    /// The end of a receipt's retention period: its file goes, the expense and the file's name
    /// stay, so that the claim still says a receipt was given. Allowed whatever the claim's status:
    /// when to do it is the retention policy's decision. Returns the stored file's reference, for
    /// the file store to delete, or null when the line had no receipt file left.
    /// </summary>
    public string? DeleteReceipt(int number, DateTime nowUtc)
    {
        var line = _expenses.SingleOrDefault(e => e.Number == number)
            ?? throw new ArgumentException($"This claim has no expense {number}.", nameof(number));
        return line.DeleteReceipt(nowUtc);
    }

    /// <summary>Takes part of the fee, or all of it: never more, never less than £0.</summary>
    public void TakeFee(Money amount, string byUserId, DateTime nowUtc)
    {
        EnsureCanChange();
        if (IsCorrection)
        {
            throw new PaymentRuleException("A correction's fee difference is set when the correction is made.");
        }
        if (FeeOffered is not { } fee || fee == Money.Zero)
        {
            throw new PaymentRuleException("There is no fee on this claim, only expenses.");
        }
        if (amount.IsNegative)
        {
            throw new PaymentRuleException("The fee you take must be £0 or more.");
        }
        if (amount > fee)
        {
            throw new PaymentRuleException($"The fee you take must be {fee} or less, the fee for this activity.");
        }
        FeeTaken = amount;
        Change(byUserId, nowUtc, amount == Money.Zero ? $"Declined the {fee} fee" : $"Takes {amount} of the {fee} fee");
    }

    /// <summary>Takes none of the fee; any expenses are still repaid.</summary>
    public void DeclineFee(string byUserId, DateTime nowUtc) => TakeFee(Money.Zero, byUserId, nowUtc);

    public void ChoosePaymentMethod(ClaimPaymentMethod method, string byUserId, DateTime nowUtc)
    {
        EnsureCanChange();
        PaymentMethod = method;
        Change(byUserId, nowUtc, method switch
        {
            ClaimPaymentMethod.BankTransfer => "To be paid by bank transfer",
            ClaimPaymentMethod.Voucher => "To be paid by voucher",
            _ => "No payment method chosen",
        });
    }

    /// <summary>Sends the claim to finance, first or again after a query (with the claimant's answer, if any).</summary>
    public void Submit(string byUserId, DateTime nowUtc, string? answer = null, string? warningsSeen = null)
    {
        if (!CanChange)
        {
            throw new PaymentRuleException(Status == ClaimStatus.Rejected ? "This claim was rejected, so it cannot be sent again." : "This claim has been sent already.");
        }
        if (Total == Money.Zero)
        {
            throw new PaymentRuleException(IsCorrection
                ? "This correction changes nothing yet: add the difference before you send it."
                : "There is nothing to pay on this claim: add an expense or take some of the fee before you send it.");
        }
        if (Total > Money.Zero && PaymentMethod == ClaimPaymentMethod.None)
        {
            throw new PaymentRuleException("Choose how you want to be paid before you send this claim.");
        }
        var note = OptionalText(answer);
        WarningsSeen = string.IsNullOrWhiteSpace(warningsSeen) ? null : warningsSeen.Trim()[..Math.Min(warningsSeen.Trim().Length, WarningsSeenMaxLength)];
        Status = ClaimStatus.Submitted;
        FirstSubmittedUtc ??= nowUtc;
        Record(ClaimStep.Submitted, byUserId, nowUtc, note);
    }

    /// <summary>
    /// Approves the claim if segregation of duties allows this approver. A claim that needs two
    /// approvers waits for a second, different one; a query in between starts the approvals again.
    /// </summary>
    public void Approve(Approver approver, ApprovalRules rules, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(approver);
        ArgumentNullException.ThrowIfNull(rules);
        EnsureWithFinance();
        var facts = ApprovalFacts;
        if (rules.RefusalFor(facts, approver) is { } refusal)
        {
            throw new PaymentRuleException(refusal);
        }
        var complete = facts.ApprovedByUserIds.Count + 1 >= rules.ApprovalsNeeded(Total);
        Status = complete ? ClaimStatus.Approved : ClaimStatus.AwaitingSecondApproval;
        Record(ClaimStep.Approved, approver.UserId, nowUtc, complete ? null : "First of two approvals");
    }

    public void Reject(string reason, string byUserId, DateTime nowUtc)
    {
        EnsureWithFinance();
        var why = RequiredText(reason, "Give the reason for rejecting this claim.");
        Status = ClaimStatus.Rejected;
        Record(ClaimStep.Rejected, byUserId, nowUtc, why);
    }

    /// <summary>Sends the claim back to the claimant with a question; any approval so far no longer counts.</summary>
    public void Query(string question, string byUserId, DateTime nowUtc)
    {
        EnsureWithFinance();
        var asked = RequiredText(question, "Write the question for the claimant.");
        Status = ClaimStatus.Queried;
        Record(ClaimStep.Queried, byUserId, nowUtc, asked);
    }

    /// <summary>
    /// Records an approved claim paid without a batch: a voucher issued, or a correction's money
    /// owed back repaid. A bank transfer is only ever paid through a batch.
    /// </summary>
    public void RecordPaidOutsideBatch(string byUserId, DateTime nowUtc)
    {
        var note = (IsVoucherToIssue, IsOwedBack) switch
        {
            (true, _) => "Voucher issued",
            (_, true) => "Repaid to the council",
            _ => throw new PaymentRuleException(Status switch
            {
                ClaimStatus.Approved => "A bank transfer is paid in a payment batch, so that it is exported exactly once.",
                ClaimStatus.Batched => "This claim is in a payment batch: it is paid when its batch is marked paid.",
                ClaimStatus.Paid => "This claim has been paid already.",
                _ => "Only an approved claim can be paid.",
            }),
        };
        Status = ClaimStatus.Paid;
        Record(ClaimStep.Paid, byUserId, nowUtc, note);
    }

    internal void MarkBatched(string byUserId, DateTime nowUtc)
    {
        if (!IsReadyForBatch)
        {
            throw new InvalidOperationException("Only an approved bank transfer with money to pay goes in a batch.");
        }
        Status = ClaimStatus.Batched;
        Record(ClaimStep.Batched, byUserId, nowUtc, null);
    }

    internal void MarkPaidInBatch(string byUserId, DateTime nowUtc)
    {
        if (Status != ClaimStatus.Batched)
        {
            throw new InvalidOperationException("Only a claim in a batch is paid with it.");
        }
        Status = ClaimStatus.Paid;
        Record(ClaimStep.Paid, byUserId, nowUtc, "Paid in its batch");
    }

    private static Claim New(ClaimAttendance attendance, ClaimOrigin origin, Money? fee, ClaimPaymentMethod paymentMethod, string createdByUserId, DateTime nowUtc, string note)
    {
        if (fee is { IsNegative: true })
        {
            throw new ArgumentOutOfRangeException(nameof(fee), fee, "A fee is £0 or more.");
        }
        var claim = new Claim(attendance, origin, fee, paymentMethod, createdByUserId, nowUtc);
        claim.Record(ClaimStep.Created, createdByUserId, nowUtc, note);
        return claim;
    }

    private void EnsureCanChange()
    {
        if (!CanChange)
        {
            throw new PaymentRuleException(Status switch
            {
                ClaimStatus.Submitted or ClaimStatus.AwaitingSecondApproval => "This claim is with finance, so it cannot be changed now. Finance can send it back with a question.",
                ClaimStatus.Rejected => "This claim was rejected, so it cannot be changed.",
                _ => "An approved claim never changes. To put it right, make a correction.",
            });
        }
    }

    private void EnsureWithFinance()
    {
        if (Status is not (ClaimStatus.Submitted or ClaimStatus.AwaitingSecondApproval))
        {
            throw new PaymentRuleException(Status switch
            {
                ClaimStatus.Draft => "This claim has not been sent to finance yet.",
                ClaimStatus.Queried => "This claim is back with the claimant to answer a question.",
                ClaimStatus.Rejected => "This claim has been rejected already.",
                _ => "This claim has been approved already.",
            });
        }
    }

    private void Change(string byUserId, DateTime nowUtc, string what) => Record(ClaimStep.Changed, byUserId, nowUtc, what);

    private void Record(ClaimStep step, string byUserId, DateTime nowUtc, string? note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(byUserId);
        Total = FeeTaken + ExpensesTotal;
        var number = _decisions.Select(d => d.Number).DefaultIfEmpty(0).Max() + 1;
        _decisions.Add(new ClaimDecision(number, step, byUserId, nowUtc, Total, note));
        UpdatedUtc = nowUtc;
    }

    private static string RequiredText(string? text, string whenMissing) =>
        OptionalText(text) ?? throw new PaymentRuleException(whenMissing);

    private static string? OptionalText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var trimmed = text.Trim();
        return trimmed.Length <= ClaimDecision.NoteMaxLength
            ? trimmed
            : throw new PaymentRuleException($"Write {ClaimDecision.NoteMaxLength} characters or fewer.");
    }
}
