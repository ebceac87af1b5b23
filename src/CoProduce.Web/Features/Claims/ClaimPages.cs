using System.Globalization;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Claims;

/// <summary>
/// Reads the claim pages as flat records: the claim with its attendance, fee, expenses and history;
/// the expense form with the policy in force on the activity's date; "Check and send" with any
/// benefit warnings; and receipts for the few who may see them. A claim the reader may not see is
/// not found. The number of queries does not grow with the claim.
/// </summary>
public sealed class ClaimPages(CoProduceDbContext db, ClaimEarnings earnings, IFileStore files)
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public const string ClaimantPath = "/my-payments/claims";
    public const string OrganiserPath = "/manage/claims";

    public async Task<ClaimPageModel?> ShowAsync(int claimId, ClaimActor actor, CancellationToken cancellationToken) =>
        await LoadAsync(claimId, actor, cancellationToken) is { } loaded ? await PageAsync(loaded, actor, cancellationToken) : null;

    public async Task<ExpensePageModel?> ExpenseFormAsync(int claimId, ClaimActor actor, CancellationToken cancellationToken)
    {
        if (await LoadAsync(claimId, actor, cancellationToken) is not { } loaded)
        {
            return null;
        }
        var policy = await PolicyAsync(loaded.Activity.Date, cancellationToken);
        var categories = policy is null
            ? []
            : policy.Rules.Select(r => new ExpenseCategoryChoice(r.Category.ToString(), ClaimWords.Category(r.Category), RuleHint(r, policy))).ToList();
        return new ExpensePageModel(claimId, BasePath(actor), loaded.Activity.Title, loaded.Claim.CanChange, categories);
    }

    /// <summary>The expenses policy in force on the activity's date, or null when there is none yet.</summary>
    public async Task<ExpensesPolicy?> PolicyAsync(DateOnly activityDate, CancellationToken cancellationToken) =>
        ExpensesPolicy.InForceOn(await db.ExpensesPolicies.AsNoTracking().Where(p => p.EffectiveFrom <= activityDate).ToListAsync(cancellationToken), activityDate);

    /// <summary>What the form needs to check a new line: the policy, and the lines the claim has so far, in order.</summary>
    public async Task<ExpenseContext?> ExpenseContextAsync(int claimId, ClaimActor actor, CancellationToken cancellationToken)
    {
        if (await LoadAsync(claimId, actor, cancellationToken) is not { } loaded)
        {
            return null;
        }
        var soFar = Enum.GetValues<ExpenseCategory>().ToDictionary(c => c, loaded.Claim.AllowedSoFar);
        return new ExpenseContext(await PolicyAsync(loaded.Activity.Date, cancellationToken), soFar);
    }

    public async Task<CheckAndSendModel?> CheckAsync(int claimId, ClaimActor actor, CancellationToken cancellationToken)
    {
        if (await LoadAsync(claimId, actor, cancellationToken) is not { } loaded)
        {
            return null;
        }
        var page = await PageAsync(loaded, actor, cancellationToken);
        var advice = await earnings.CheckAsync(claimId, loaded.Claim.ExpertProfileId, loaded.Activity.Date, loaded.Claim.FeeTaken,
            loaded.SignUp.TimeGiven, actor.IsOrganiser, cancellationToken);
        var choices = advice.Check is { HasWarnings: true } check
            ? check.Choices.Select(c => new FeeChoiceRow(c.Kind.ToString(), c.Amount is { } a ? Plain(a) : null, c.Description)).ToList()
            : [];
        return new CheckAndSendModel(page, advice.Messages, choices, advice.BenefitsUnknown, advice.ForOrganiser, advice.AdviceName, advice.AdviceLink);
    }

    /// <summary>
    /// A receipt, for the claimant, an organiser who may work on the claim for them, or finance.
    /// Anyone else gets nothing, as if there were no such receipt.
    /// </summary>
    public async Task<ReceiptFile?> ReceiptAsync(int claimId, int number, string userId, bool isFinance, bool isOrganiser, CancellationToken cancellationToken)
    {
        var claim = await db.Claims.AsNoTracking().SingleOrDefaultAsync(c => c.Id == claimId, cancellationToken);
        var line = claim?.Expenses.SingleOrDefault(e => e.Number == number);
        if (claim is null || line?.ReceiptFileReference is not { } key)
        {
            return null;
        }
        var allowed = isFinance
            || await ClaimAccess.MayActAsync(db, claim.ExpertProfileId, claim.Origin, ClaimActor.Claimant(userId), cancellationToken)
            || (isOrganiser && await ClaimAccess.MayActAsync(db, claim.ExpertProfileId, claim.Origin, ClaimActor.Organiser(userId), cancellationToken));
        if (!allowed || await files.OpenAsync(key, cancellationToken) is not { } content)
        {
            return null;
        }
        // The type is worked out again from the stored bytes, never from what was uploaded.
        var header = new byte[ReceiptFiles.HeaderLength];
        var read = await content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        content.Seek(0, SeekOrigin.Begin);
        var check = ReceiptFiles.Check(line.ReceiptFileName, content.Length, header.AsSpan(0, read));
        return new ReceiptFile(content, check.IsAllowed ? check.ContentType : "application/octet-stream", check.SafeFileName);
    }

    /// <summary>The organiser's way in from the attendance page: the claim for this sign-up, if there is one.</summary>
    public Task<int?> ClaimForSignUpAsync(int signUpId, CancellationToken cancellationToken) =>
        db.Claims.Where(c => c.SignUpId == signUpId && c.CorrectsClaimId == null).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);

    private sealed record Loaded(Claim Claim, SignUp SignUp, Activity Activity, string PersonName);

    private async Task<Loaded?> LoadAsync(int claimId, ClaimActor actor, CancellationToken cancellationToken)
    {
        var claim = await db.Claims.AsNoTracking().SingleOrDefaultAsync(c => c.Id == claimId, cancellationToken);
        if (claim is null || !await ClaimAccess.MayActAsync(db, claim.ExpertProfileId, claim.Origin, actor, cancellationToken))
        {
            return null;
        }
        var found = await db.SignUps.AsNoTracking().Where(s => s.Id == claim.SignUpId)
            .Join(db.Activities.AsNoTracking(), s => s.ActivityId, a => a.Id, (s, a) => new { SignUp = s, Activity = a })
            .SingleAsync(cancellationToken);
        var name = await db.ExpertProfiles.AsNoTracking().Where(p => p.Id == claim.ExpertProfileId).Select(p => p.PreferredName).SingleAsync(cancellationToken);
        return new Loaded(claim, found.SignUp, found.Activity, name);
    }

    private async Task<ClaimPageModel> PageAsync(Loaded loaded, ClaimActor actor, CancellationToken cancellationToken)
    {
        var (claim, signUp, activity, name) = loaded;
        var userIds = claim.Decisions.Select(d => d.ByUserId).Append(claim.AttendanceRecordedByUserId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        string Who(string userId) => names.TryGetValue(userId, out var n) && n.Length > 0 ? n : "Someone at the council";

        var basePath = BasePath(actor);
        var fee = claim.FeeOffered is { } offered && signUp.Attendance == Attendance.Attended ? signUp.FixedFee?.For(signUp.TimeGiven) : null;
        var expenses = claim.Expenses.OrderBy(e => e.Number).Select(e => new ExpenseRow(
            e.Number,
            ClaimWords.Category(e.Category),
            e.Amount.Format(),
            e.Miles is { } miles ? $"{miles.ToString("#,0.##", Uk)} {(miles == 1m ? "mile" : "miles")}" : null,
            e.Description,
            e.ReceiptFileName,
            e.HasReceiptFile ? $"/claims/{claim.Id}/receipts/{e.Number}" : null)).ToList();
        var history = claim.Decisions.OrderBy(d => d.Number).Select(d => new HistoryRow(
            UkTime.ToUk(d.AtUtc).ToString("d MMMM yyyy 'at' h:mmtt", Uk).Replace("AM", "am", StringComparison.Ordinal).Replace("PM", "pm", StringComparison.Ordinal),
            ClaimWords.Step(d.Step), Who(d.ByUserId), d.Note, d.Total.Format())).ToList();
        var question = claim.Status == ClaimStatus.Queried ? claim.Decisions.Where(d => d.Step == ClaimStep.Queried).MaxBy(d => d.Number)?.Note : null;
        return new ClaimPageModel(
            claim.Id, basePath, actor.IsOrganiser,
            actor.IsOrganiser ? $"/manage/activities/{activity.Id}/sign-ups/{signUp.Id}/attendance" : "/my-payments",
            actor.IsOrganiser ? "Back to their attendance" : "Back to your payments",
            name, activity.Title, activity.Date.ToString("dddd d MMMM yyyy", Uk),
            AttendanceText(signUp),
            signUp.AttendanceRecordedByUserId is null ? null : Who(claim.AttendanceRecordedByUserId),
            signUp.AttendanceRecordedUtc is { } at ? UkTime.ToUk(at).ToString("d MMMM yyyy", Uk) : null,
            claim.FeeOffered is { } f && f > Money.Zero ? f.Format() : null,
            fee?.Working,
            Plain(claim.FeeTaken),
            claim.FeeTaken.Format(),
            claim.FeeDeclined,
            claim.FeeOffered is { } whole && claim.FeeTaken < whole && claim.FeeTaken > Money.Zero,
            expenses,
            claim.ExpensesTotal.Format(),
            ClaimWords.PaymentMethod(claim.PaymentMethod),
            claim.PaymentMethod.ToString(),
            claim.Total.Format(),
            ClaimWords.Status(claim.Status),
            ClaimWords.StatusTag(claim.Status),
            claim.CanChange,
            claim.Status == ClaimStatus.Queried,
            question,
            history);
    }

    private static string BasePath(ClaimActor actor) => actor.IsOrganiser ? OrganiserPath : ClaimantPath;

    private static string AttendanceText(SignUp signUp) => signUp.Attendance switch
    {
        Attendance.Attended when signUp.TimeGiven is { } time => $"Attended: {Minutes(time.ActivityMinutes)} at the activity"
            + (time.PreparationMinutes > 0 ? $", {Minutes(time.PreparationMinutes)} of preparation" : string.Empty)
            + (time.TravelMinutes > 0 ? $", {Minutes(time.TravelMinutes)} of travel" : string.Empty),
        Attendance.Attended => "Attended",
        Attendance.CancelledByCouncil => "The council cancelled late: expenses can still be claimed",
        Attendance.DidNotAttend => "Did not attend",
        _ => "Not recorded yet",
    };

    private static string Minutes(int minutes)
    {
        var (hours, rest) = Math.DivRem(minutes, 60);
        var h = hours == 1 ? "1 hour" : $"{hours} hours";
        var m = rest == 1 ? "1 minute" : $"{rest} minutes";
        return (hours, rest) switch { (0, _) => m, (_, 0) => h, _ => $"{h} {m}" };
    }

    private static string RuleHint(ExpenseRule rule, ExpensesPolicy policy)
    {
        var parts = new List<string>();
        if (rule.Category == ExpenseCategory.Mileage)
        {
            parts.Add($"{(policy.MileageRatePerMile.Pence < 100 ? $"{policy.MileageRatePerMile.Pence}p" : policy.MileageRatePerMile.Format())} a mile");
        }
        if (rule.CapPerClaim is { } cap)
        {
            parts.Add($"up to {cap.Format()} a claim");
        }
        parts.Add(rule.ReceiptNeeded ? "receipt needed" : "no receipt needed");
        return string.Join(", ", parts);
    }

    /// <summary>An amount as it is typed into a box: "12.50".</summary>
    private static string Plain(Money amount) => amount.Pounds.ToString("0.00", CultureInfo.InvariantCulture);
}

public sealed record ClaimPageModel(
    int Id,
    string BasePath,
    bool ForOrganiser,
    string BackLink,
    string BackText,
    string PersonName,
    string ActivityTitle,
    string ActivityDate,
    string Attendance,
    string? RecordedBy,
    string? RecordedOn,
    string? Fee,
    string? FeeWorking,
    string FeeTakenPlain,
    string FeeTaken,
    bool FeeDeclined,
    bool TakesLess,
    IReadOnlyList<ExpenseRow> Expenses,
    string ExpensesTotal,
    string PaymentMethod,
    string PaymentMethodValue,
    string Total,
    string Status,
    string StatusTag,
    bool CanChange,
    bool IsQueried,
    string? Question,
    IReadOnlyList<HistoryRow> History);

public sealed record ExpenseRow(int Number, string Category, string Amount, string? Miles, string? Description, string? ReceiptName, string? ReceiptUrl);

public sealed record HistoryRow(string When, string What, string By, string? Note, string Total);

public sealed record ExpenseCategoryChoice(string Value, string Name, string Hint);

public sealed record ExpensePageModel(int ClaimId, string BasePath, string ActivityTitle, bool CanChange, IReadOnlyList<ExpenseCategoryChoice> Categories);

/// <summary>The policy a new line is checked against, and what the claim already repays in each category.</summary>
public sealed record ExpenseContext(ExpensesPolicy? Policy, IReadOnlyDictionary<ExpenseCategory, Money> AllowedSoFar);

public sealed record FeeChoiceRow(string Kind, string? Amount, string Description);

public sealed record CheckAndSendModel(
    ClaimPageModel Claim,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<FeeChoiceRow> Choices,
    bool BenefitsUnknown,
    bool ForOrganiser,
    string? AdviceName,
    string? AdviceLink);

public sealed record ReceiptFile(Stream Content, string ContentType, string FileName);
