using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Domain.Payments;

/// <summary>
/// One version of the expenses policy: how each category of expense is repaid, and the rate per
/// mile. A new version takes effect from a date; earlier versions stay, so an expense is always
/// checked against the policy in force on the day it was incurred. Never changes once published.
/// </summary>
public sealed class ExpensesPolicy
{
    /// <summary>A typing-mistake guard, not a policy: no single line claims more miles than this.</summary>
    public const int MaxMilesPerLine = 1000;

    /// <summary>
    /// Also a typing-mistake guard: no single line claims more than this. It keeps every total the
    /// database adds up far from overflowing, whatever is typed.
    /// </summary>
    public static readonly Money MaxAmountPerLine = Money.FromPounds(5_000m);

    private readonly List<ExpenseRule> _rules = [];

    private ExpensesPolicy()
    {
    }

    public int Id { get; private set; }

    /// <summary>1, 2, 3…</summary>
    public int Version { get; private set; }

    /// <summary>The UK date the version takes effect; it stays in force until the next version's.</summary>
    public DateOnly EffectiveFrom { get; private set; }

    public Money MileageRatePerMile { get; private set; }
    public string CreatedByUserId { get; private set; } = string.Empty;
    public DateTime CreatedUtc { get; private set; }

    /// <summary>
    /// One rule for every category: expenses can always be claimed. In the categories' own order
    /// (public transport first), whatever order the database returns them in.
    /// </summary>
    public IReadOnlyList<ExpenseRule> Rules => _rules.OrderBy(r => r.Category).ToList();

    /// <summary>
    /// Publishes a new version after the existing ones: it takes effect today or later, and after
    /// the latest version, so the policy in force on any past day never changes.
    /// </summary>
    public static ExpensesPolicy Publish(IReadOnlyCollection<ExpensesPolicy> existing, Money mileageRatePerMile, IReadOnlyCollection<ExpenseRule> rules,
        DateOnly effectiveFrom, string byUserId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentException.ThrowIfNullOrWhiteSpace(byUserId);
        if (mileageRatePerMile <= Money.Zero)
        {
            throw new PaymentRuleException("The mileage rate must be more than £0 a mile.");
        }
        foreach (var category in Enum.GetValues<ExpenseCategory>())
        {
            if (rules.Count(r => r.Category == category) != 1)
            {
                throw new PaymentRuleException($"The policy needs exactly one rule for {ExpenseRule.Name(category)}.");
            }
        }
        if (rules.FirstOrDefault(r => r.CapPerClaim is { } cap && cap <= Money.Zero) is { } zeroCap)
        {
            throw new PaymentRuleException($"The cap for {ExpenseRule.Name(zeroCap.Category)} must be more than £0, or no cap.");
        }
        var today = DateOnly.FromDateTime(UkTime.ToUk(nowUtc));
        if (effectiveFrom < today)
        {
            throw new PaymentRuleException($"A new expenses policy takes effect from today, {today:d MMMM yyyy}, or later.");
        }
        var latest = existing.MaxBy(p => p.Version);
        if (latest is not null && effectiveFrom <= latest.EffectiveFrom)
        {
            throw new PaymentRuleException(
                $"The latest expenses policy takes effect on {latest.EffectiveFrom:d MMMM yyyy}, so a new one must take effect after that.");
        }
        var policy = new ExpensesPolicy
        {
            Version = (latest?.Version ?? 0) + 1,
            EffectiveFrom = effectiveFrom,
            MileageRatePerMile = mileageRatePerMile,
            CreatedByUserId = byUserId,
            CreatedUtc = nowUtc,
        };
        policy._rules.AddRange(rules.OrderBy(r => r.Category));
        return policy;
    }

    /// <summary>The version in force on a UK date, or null before the first.</summary>
    public static ExpensesPolicy? InForceOn(IEnumerable<ExpensesPolicy> versions, DateOnly date) =>
        versions.Where(v => v.EffectiveFrom <= date).MaxBy(v => v.EffectiveFrom);

    public ExpenseRule RuleFor(ExpenseCategory category) => _rules.Single(r => r.Category == category);

    /// <summary>
    /// Checks one line. A missing receipt where one is needed refuses it. Over the cap, the line is
    /// allowed up to the cap with a note saying so, rather than refused: nobody should have to claim
    /// again to get what the policy pays. A cap is per claim, so the caller passes what other lines
    /// of the same claim already have allowed in that category.
    /// </summary>
    public ExpenseCheck Check(ExpenseToCheck line, Money alreadyAllowedInCategory = default)
    {
        ArgumentNullException.ThrowIfNull(line);
        var rule = RuleFor(line.Category);
        var refusals = new List<string>();
        var notes = new List<string>();

        var claimed = line.Category == ExpenseCategory.Mileage ? MileageAmount(line.Miles ?? 0m, refusals, notes) : line.Amount ?? Money.Zero;
        if (line.Category != ExpenseCategory.Mileage && claimed <= Money.Zero)
        {
            refusals.Add("Enter the amount you spent, more than £0.");
        }
        else if (claimed > MaxAmountPerLine)
        {
            refusals.Add($"Enter {MaxAmountPerLine.Format()} or less on one line. If you really spent more, talk to the organiser first.");
        }
        if (rule.ReceiptNeeded && !line.HasReceipt)
        {
            refusals.Add($"A receipt is needed for {ExpenseRule.Name(line.Category)}. Add a photo or PDF of the receipt.");
        }
        var allowed = refusals.Count == 0 ? WithinCap(rule, claimed, alreadyAllowedInCategory, refusals, notes) : Money.Zero;
        return new ExpenseCheck(line.Category, claimed, allowed, refusals, notes);
    }

    /// <summary>Checks every line of a claim in order, each cap counting the lines before it in its category.</summary>
    public IReadOnlyList<ExpenseCheck> CheckClaim(IEnumerable<ExpenseToCheck> lines)
    {
        var allowedSoFar = new Dictionary<ExpenseCategory, Money>();
        var checks = new List<ExpenseCheck>();
        foreach (var line in lines)
        {
            var check = Check(line, allowedSoFar.GetValueOrDefault(line.Category));
            allowedSoFar[line.Category] = allowedSoFar.GetValueOrDefault(line.Category) + check.Allowed;
            checks.Add(check);
        }
        return checks;
    }

    private static Money WithinCap(ExpenseRule rule, Money claimed, Money alreadyAllowed, List<string> refusals, List<string> notes)
    {
        if (rule.CapPerClaim is not { } cap)
        {
            return claimed;
        }
        var name = ExpenseRule.Name(rule.Category);
        var left = cap - alreadyAllowed;
        if (left <= Money.Zero)
        {
            refusals.Add($"Up to {cap.Format()} a claim is repaid for {name}, and this claim already has {alreadyAllowed.Format()} for {name}.");
            return Money.Zero;
        }
        if (claimed <= left)
        {
            return claimed;
        }
        notes.Add(alreadyAllowed == Money.Zero
            ? $"Up to {cap.Format()} a claim is repaid for {name}, so {left.Format()} of the {claimed.Format()} is allowed."
            : $"Up to {cap.Format()} a claim is repaid for {name} and this claim already has {alreadyAllowed.Format()}, so {left.Format()} of the {claimed.Format()} is allowed.");
        return left;
    }

    /// <summary>
    /// Miles times the rate, rounded to the nearest penny with a half penny up. Decimal arithmetic is
    /// exact for miles given to two decimal places, so no floating point is involved.
    /// </summary>
    private Money MileageAmount(decimal miles, List<string> refusals, List<string> notes)
    {
        if (miles <= 0m)
        {
            refusals.Add("Enter the miles you drove, more than 0, like 12.5.");
            return Money.Zero;
        }
        if (decimal.Round(miles, 2) != miles)
        {
            refusals.Add("Enter the miles with no more than 2 decimal places, like 12.5.");
            return Money.Zero;
        }
        if (miles > MaxMilesPerLine)
        {
            refusals.Add($"Enter {MaxMilesPerLine:N0} miles or fewer on one line.");
            return Money.Zero;
        }
        var pence = (long)decimal.Round(miles * MileageRatePerMile.Pence, 0, MidpointRounding.AwayFromZero);
        var amount = Money.FromPence(pence);
        notes.Add($"{miles:#,0.##} {(miles == 1m ? "mile" : "miles")} at {PerMile(MileageRatePerMile)} a mile is {amount.Format()}.");
        return amount;
    }

    private static string PerMile(Money rate) => rate.Pence < 100 ? $"{rate.Pence}p" : rate.Format();
}
