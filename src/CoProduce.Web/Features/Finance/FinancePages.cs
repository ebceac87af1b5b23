using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Features.Payments;
using CoProduce.Web.Infrastructure.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Finance;

/// <summary>
/// The finance officer's queue and claim pages, read as flat read models. The queue is filtered,
/// sorted, paged and totalled by the database; a page's number of SQL commands does not grow with
/// the data.
/// </summary>
public sealed class FinancePages(CoProduceDbContext db, BankDetailsProtector bankDetails, Audit.SpecialCategoryViewsService views, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The queue. Filters that do not read as dates or amounts are left out (the validator says why).</summary>
    public async Task<FinanceQueuePage> QueueAsync(FinanceQueueQuery query, CancellationToken cancellationToken)
    {
        var matching = from c in db.Claims.AsNoTracking()
                       join a in db.Activities.AsNoTracking() on c.ActivityId equals a.Id
                       select new { Claim = c, Activity = a };
        matching = query.StatusesToShow switch
        {
            null => matching.Where(x => x.Claim.Status != ClaimStatus.Draft),
            [var one] => matching.Where(x => x.Claim.Status == one),
            [var one, var two] => matching.Where(x => x.Claim.Status == one || x.Claim.Status == two),
            var many => throw new InvalidOperationException($"{many.Length} statuses at once are not offered."),
        };
        if (!string.IsNullOrWhiteSpace(query.Activity) && query.Activity.Trim().Length <= 200)
        {
            var term = query.Activity.Trim();
            matching = matching.Where(x => EF.Functions.Like(x.Activity.Title, "%" + term + "%"));
        }
        if (query.FromDate is { } from)
        {
            matching = matching.Where(x => x.Activity.Date >= from);
        }
        if (query.ToDate is { } to)
        {
            matching = matching.Where(x => x.Activity.Date <= to);
        }
        if (query.MinAmount is { } min)
        {
            matching = matching.Where(x => x.Claim.Total >= min);
        }
        if (query.MaxAmount is { } max)
        {
            matching = matching.Where(x => x.Claim.Total <= max);
        }

        var paging = Paging.Of(await matching.CountAsync(cancellationToken), FinanceQueuePage.PageSize, query.Page);
        var total = await matching.SumMoneyAsync(x => x.Claim.Total, cancellationToken);
        var sorted = query.Sort switch
        {
            "newest" => matching.OrderByDescending(x => x.Claim.UpdatedUtc).ThenByDescending(x => x.Claim.Id),
            "amount" => matching.OrderBy(x => x.Claim.Total).ThenBy(x => x.Claim.Id),
            "amount-desc" => matching.OrderByDescending(x => x.Claim.Total).ThenBy(x => x.Claim.Id),
            "date" => matching.OrderBy(x => x.Activity.Date).ThenBy(x => x.Claim.Id),
            _ => matching.OrderBy(x => x.Claim.UpdatedUtc).ThenBy(x => x.Claim.Id),
        };
        var rows = await sorted.Skip(paging.Skip).Take(paging.Size)
            .Select(x => new
            {
                x.Claim.Id,
                x.Claim.ExpertProfileId,
                Name = db.ExpertProfiles.Where(p => p.Id == x.Claim.ExpertProfileId).Select(p => p.AnonymisedUtc == null ? p.PreferredName : null).FirstOrDefault(),
                x.Activity.Title,
                x.Activity.Date,
                x.Claim.Total,
                x.Claim.Status,
                x.Claim.UpdatedUtc,
            })
            .ToListAsync(cancellationToken);
        var now = Now;
        return new FinanceQueuePage(query,
            rows.Select(r => new FinanceQueueRow(r.Id, FinanceText.ClaimReference(r.Id), FinanceText.Claimant(r.ExpertProfileId, r.Name), r.Title, r.Date,
                r.Total, FinanceText.Status(r.Status), FinanceText.Age(r.UpdatedUtc, now))).ToList(),
            paging, total);
    }

    /// <summary>
    /// One claim for finance to decide on, with what this finance officer may do with it. The
    /// benefit warnings the claimant saw and their bank account (masked), when the page shows them,
    /// are recorded in the audit log as seen by <paramref name="userId"/>.
    /// </summary>
    public async Task<FinanceClaimPage?> ClaimAsync(int id, string userId, ClaimDecisionForm form, CancellationToken cancellationToken)
    {
        var claim = await db.Claims.AsNoTracking().Include(c => c.Expenses).Include(c => c.Decisions).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (claim is null)
        {
            return null;
        }
        var activity = await db.Activities.AsNoTracking().Where(a => a.Id == claim.ActivityId)
            .Select(a => new { a.Title, a.Date, a.StartTime, a.EndTime }).SingleAsync(cancellationToken);
        var signUp = await db.SignUps.AsNoTracking().SingleAsync(s => s.Id == claim.SignUpId, cancellationToken);
        var person = await db.ExpertProfiles.AsNoTracking().Where(p => p.Id == claim.ExpertProfileId)
            .Select(p => new { Name = p.AnonymisedUtc == null ? p.PreferredName : null }).SingleAsync(cancellationToken);
        var userIds = claim.Decisions.Select(d => d.ByUserId).Append(claim.AttendanceRecordedByUserId).Append(signUp.AttendanceRecordedByUserId ?? string.Empty).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var protectedBank = await db.PaymentDetails.AsNoTracking().Where(d => d.ExpertProfileId == claim.ExpertProfileId)
            .Select(d => d.ProtectedBankDetails).SingleOrDefaultAsync(cancellationToken);
        var settings = await db.PaymentSettings.AsNoTracking().SingleAsync(s => s.Id == PaymentSettings.TheOneId, cancellationToken);
        var myProfileId = await db.ExpertProfiles.AsNoTracking().Where(p => p.UserId == userId).Select(p => (int?)p.Id).FirstOrDefaultAsync(cancellationToken);

        string NameOf(string? user) => user is null ? "Not recorded" : names.GetValueOrDefault(user) ?? "A former member of staff";
        var withFinance = claim.Status is ClaimStatus.Submitted or ClaimStatus.AwaitingSecondApproval;
        var rules = settings.ApprovalRules;
        var time = signUp.TimeGiven;
        var fee = claim.IsCorrection ? null : signUp.FixedFee?.For(time);
        var showsBank = claim.PaymentMethod == ClaimPaymentMethod.BankTransfer && protectedBank is not null;
        await views.RecordAsync([new(claim.ExpertProfileId, SpecialCategories.Of(benefitWarnings: claim.WarningsSeen is not null, maskedBankAccount: showsBank))],
            $"shown on the finance page of claim {FinanceText.ClaimReference(claim.Id)}", userId, cancellationToken);
        return new FinanceClaimPage(
            claim.Id, FinanceText.ClaimReference(claim.Id), claim.Version, FinanceText.Status(claim.Status),
            FinanceText.Claimant(claim.ExpertProfileId, person.Name), FinanceText.PayeeReference(claim.ExpertProfileId),
            activity.Title, FinanceText.Date(activity.Date), $"{Activities.ActivityNotifier.Time(activity.StartTime)} to {Activities.ActivityNotifier.Time(activity.EndTime)}",
            Organising.OrganiserText.Attendance(signUp) ?? "Not recorded yet",
            time is null ? null : $"{Describe(time.ActivityMinutes)} at the activity, {Describe(time.PreparationMinutes)} preparing, {Describe(time.TravelMinutes)} travelling",
            NameOf(signUp.AttendanceRecordedByUserId),
            signUp.AttendanceRecordedUtc is { } recordedAt ? FinanceText.DateTimeUk(recordedAt) : null,
            claim.IsCorrection ? $"This corrects claim {FinanceText.ClaimReference(claim.CorrectsClaimId!.Value)}." : null,
            claim.FeeOffered, claim.FeeTaken, claim.FeeDeclined, fee?.Working,
            claim.Expenses.OrderBy(e => e.Number).Select(e => new FinanceExpenseRow(
                e.Number, Capitalised(ExpenseRule.Name(e.Category)), e.Description, e.Miles, e.Amount, e.HasReceiptFile ? $"/claims/{claim.Id}/receipts/{e.Number}" : null, e.ReceiptFileName)).ToList(),
            claim.Total, claim.WarningsSeen,
            FinanceText.PaymentMethod(claim.PaymentMethod),
            claim.PaymentMethod != ClaimPaymentMethod.BankTransfer ? null
                : showsBank ? $"Account ending {bankDetails.Unprotect(protectedBank!).MaskedAccountNumber[^4..]}" : "No bank details given yet",
            rules.NeedsSecondApproval(claim.Total) ? $"Claims over {rules.SecondApprovalAbove} need two different finance officers to approve them." : null,
            claim.Decisions.OrderBy(d => d.Number).Select(d => new FinanceHistoryRow(
                FinanceText.Step(d.Step), NameOf(d.ByUserId), FinanceText.DateTimeUk(d.AtUtc), d.Total, d.Note)).ToList(),
            CanDecide: withFinance,
            ApprovalRefusal: withFinance ? rules.RefusalFor(claim.ApprovalFacts, new Approver(userId, myProfileId)) : null,
            form)
        {
            CanBeCorrected = claim.CanBeCorrected,
        };
    }

    public async Task<CorrectionPage?> CorrectionAsync(int id, CancellationToken cancellationToken)
    {
        var claim = await db.Claims.AsNoTracking().Where(c => c.Id == id)
            .Join(db.Activities, c => c.ActivityId, a => a.Id, (c, a) => new { c.Id, c.ExpertProfileId, c.Total, c.Status, a.Title })
            .SingleOrDefaultAsync(cancellationToken);
        if (claim is null)
        {
            return null;
        }
        var name = await db.ExpertProfiles.AsNoTracking().Where(p => p.Id == claim.ExpertProfileId)
            .Select(p => p.AnonymisedUtc == null ? p.PreferredName : null).SingleAsync(cancellationToken);
        return new CorrectionPage(claim.Id, FinanceText.ClaimReference(claim.Id), FinanceText.Claimant(claim.ExpertProfileId, name), claim.Title,
            claim.Total, FinanceText.Status(claim.Status), claim.Status is ClaimStatus.Approved or ClaimStatus.Batched or ClaimStatus.Paid);
    }

    private static string Capitalised(string words) => words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];

    private static string Describe(int minutes)
    {
        var (hours, rest) = Math.DivRem(minutes, 60);
        return (hours, rest) switch
        {
            (0, 1) => "1 minute",
            (0, _) => $"{rest} minutes",
            (1, 0) => "1 hour",
            (_, 0) => $"{hours} hours",
            _ => $"{hours} hour{(hours == 1 ? string.Empty : "s")} {rest} minute{(rest == 1 ? string.Empty : "s")}",
        };
    }
}

public sealed record FinanceExpenseRow(int Number, string Category, string? Description, decimal? Miles, Money Amount, string? ReceiptLink, string? ReceiptFileName);

public sealed record FinanceHistoryRow(string Step, string By, string At, Money Total, string? Note);

/// <summary>A claim as finance sees it. <see cref="ApprovalRefusal"/> says why this officer may not approve it, if so.</summary>
public sealed record FinanceClaimPage(
    int Id, string Reference, Guid Version, string Status,
    string Claimant, string PayeeReference,
    string Activity, string ActivityDate, string ActivityTime,
    string Attendance, string? TimeGiven, string AttendanceRecordedBy, string? AttendanceRecordedAt,
    string? Corrects,
    Money? FeeOffered, Money FeeTaken, bool FeeDeclined, string? FeeWorking,
    IReadOnlyList<FinanceExpenseRow> Expenses,
    Money Total, string? WarningsSeen,
    string PaymentMethod, string? BankAccount,
    string? SecondApprovalNote,
    IReadOnlyList<FinanceHistoryRow> History,
    bool CanDecide, string? ApprovalRefusal,
    ClaimDecisionForm Form)
{
    public string? Decision => Form.Decision;
    public string? Note => Form.Note;

    /// <summary>Approved or paid: a mistake is put right with a correction.</summary>
    public bool CanBeCorrected { get; init; }
}

/// <summary>The page for putting an approved claim right with a correction.</summary>
public sealed record CorrectionPage(int Id, string Reference, string Claimant, string Activity, Money Total, string Status, bool CanBeCorrected);
