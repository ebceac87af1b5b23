using System.Globalization;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Features.Organising;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Payments;

/// <summary>
/// The payment settings pages and the public "how we pay" page, read as flat read models. The
/// rate card, the expenses policy versions and the benefit limit sets are short lists a lead keeps
/// by hand, so each is read whole, in one command; which version is in force is the domain's answer.
/// </summary>
public sealed class PaymentPages(CoProduceDbContext db, TimeProvider clock)
{
    private DateOnly Today => UkTime.Today(clock);

    public async Task<RateCardPage> RateCardAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var items = await db.RateItems.AsNoTracking().ToListAsync(cancellationToken);
        var groups = items
            .OrderBy(i => Words.Type(i.ActivityType), StringComparer.CurrentCulture).ThenBy(i => i.Name, StringComparer.OrdinalIgnoreCase)
            .GroupBy(i => Words.Type(i.ActivityType))
            .Select(g => new RateTypeGroup(g.Key, g.Select(i => new RateRow(
                i.Id, i.Name, PaymentWords.Kind(i.Kind),
                i.InForceOn(today) is { } now ? now.Terms.Describe(i.Kind) : "Not in force yet",
                i.Versions.Where(v => v.EffectiveFrom > today).OrderBy(v => v.EffectiveFrom)
                    .Select(v => $"From {PaymentWords.Date(v.EffectiveFrom)}: {v.Terms.Describe(i.Kind)}").ToList())).ToList()))
            .ToList();
        return new RateCardPage(groups);
    }

    public async Task<RateItemPage?> RateItemAsync(int id, CancellationToken cancellationToken)
    {
        var item = await db.RateItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return null;
        }
        var inForce = item.InForceOn(Today);
        var versions = item.Versions.OrderByDescending(v => v.Number)
            .Select(v => new RateVersionRow(v.Number, PaymentWords.Date(v.EffectiveFrom), v.Terms.Describe(item.Kind),
                v == inForce ? "In force" : v.EffectiveFrom > Today ? "Coming" : "Replaced"))
            .ToList();
        return new RateItemPage(item.Id, item.Name, Words.Type(item.ActivityType), PaymentWords.Kind(item.Kind), item.Kind == RateKind.PerHour, versions);
    }

    /// <summary>The form for a new version, starting from the latest terms, from the first day a new version could take effect.</summary>
    public async Task<RateVersionForm?> RateVersionFormAsync(int id, CancellationToken cancellationToken)
    {
        var item = await db.RateItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null)
        {
            return null;
        }
        var latest = item.Versions.MaxBy(v => v.Number);
        var from = latest is null || latest.EffectiveFrom < Today ? Today : DayAfter(latest.EffectiveFrom);
        return new RateVersionForm
        {
            Amount = latest is null ? null : PaymentInput.Pounds(latest.Amount),
            Includes = [.. latest?.PaysPreparation == true ? [PaymentInput.Preparation] : Array.Empty<string>(), .. latest?.PaysTravel == true ? [PaymentInput.Travel] : Array.Empty<string>()],
            EffectiveFrom = Infrastructure.GovUk.DateParts.From(from),
        };
    }

    public async Task<ExpensesPolicyPage> ExpensesPolicyAsync(CancellationToken cancellationToken)
    {
        var versions = await db.ExpensesPolicies.AsNoTracking().OrderByDescending(p => p.Version).ToListAsync(cancellationToken);
        var inForce = ExpensesPolicy.InForceOn(versions, Today);
        return new ExpensesPolicyPage(
            inForce is null ? null : View(inForce, "In force"),
            versions.Select(v => View(v, v == inForce ? "In force" : v.EffectiveFrom > Today ? "Coming" : "Replaced")).ToList());
    }

    /// <summary>The form for the next version: the latest version's rules, or sensible defaults when there is no policy yet.</summary>
    public async Task<ExpensesPolicyForm> ExpensesPolicyFormAsync(CancellationToken cancellationToken)
    {
        var latest = await db.ExpensesPolicies.AsNoTracking().OrderByDescending(p => p.Version).FirstOrDefaultAsync(cancellationToken);
        return latest is null
            ? ExpensesPolicyForm.Defaults(Today)
            : ExpensesPolicyForm.From(latest, latest.EffectiveFrom < Today ? Today : DayAfter(latest.EffectiveFrom));
    }

    /// <summary>The first day after a version's: a new one could take effect then (none after the last day of the calendar).</summary>
    private static DateOnly DayAfter(DateOnly date) => date == DateOnly.MaxValue ? date : date.AddDays(1);

    public async Task<BenefitLimitsPage> BenefitLimitsAsync(CancellationToken cancellationToken)
    {
        var sets = await db.BenefitLimits.AsNoTracking().OrderByDescending(l => l.EffectiveFrom).ToListAsync(cancellationToken);
        var today = Today;
        var inForce = sets.Where(l => l.EffectiveFrom <= today).MaxBy(l => l.EffectiveFrom);
        return new BenefitLimitsPage(sets.Select(l => new BenefitLimitsRow(
            l.Id, PaymentWords.Date(l.EffectiveFrom), l == inForce ? "In force" : l.EffectiveFrom > today ? "Coming" : "Replaced",
            l.EffectiveFrom > today,
            [
                ("Universal Credit work allowance with housing costs", $"{l.UniversalCreditWorkAllowanceWithHousingCosts.Format()} a month"),
                ("Universal Credit work allowance without housing costs", $"{l.UniversalCreditWorkAllowanceWithoutHousingCosts.Format()} a month"),
                ("Universal Credit taper", $"{(l.UniversalCreditTaperBasisPoints / 100m).ToString("0.##", CultureInfo.InvariantCulture)}p for each £1 over the work allowance"),
                ("New Style ESA permitted work, higher limit", $"{l.EsaPermittedWorkHigherWeeklyLimit.Format()} a week"),
                ("New Style ESA permitted work, lower limit", $"{l.EsaPermittedWorkLowerWeeklyLimit.Format()} a week"),
                ("New Style ESA permitted work hours", $"under {l.EsaPermittedWorkWeeklyHours} hours a week"),
                ("Carer's Allowance earnings limit", $"{l.CarersAllowanceWeeklyEarningsLimit.Format()} a week"),
                ("Trading allowance", $"{l.TradingAllowancePerTaxYear.Format()} a tax year"),
            ],
            l.Source, l.SourceLink)).ToList());
    }

    /// <summary>
    /// The form for a new set: the latest set's figures as a starting point, with the date left to
    /// the lead. Figures change every April, and the lead must check each one against its source.
    /// </summary>
    public async Task<BenefitLimitsForm> NewBenefitLimitsFormAsync(CancellationToken cancellationToken)
    {
        var latest = await db.BenefitLimits.AsNoTracking().OrderByDescending(l => l.EffectiveFrom).FirstOrDefaultAsync(cancellationToken);
        var form = latest is null ? new BenefitLimitsForm() : BenefitLimitsForm.From(latest, latest.EffectiveFrom);
        form.EffectiveFrom = new Infrastructure.GovUk.DateParts();
        return form;
    }

    /// <summary>The form to correct a set that has not started yet, or null when there is none such.</summary>
    public async Task<BenefitLimitsForm?> CorrectBenefitLimitsFormAsync(int id, CancellationToken cancellationToken)
    {
        var set = await db.BenefitLimits.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (set is null || set.HasStarted(Today))
        {
            return null;
        }
        var form = BenefitLimitsForm.From(set, set.EffectiveFrom);
        form.CorrectingId = id;
        return form;
    }

    public async Task<PaymentSettingsForm> SettingsFormAsync(CancellationToken cancellationToken) =>
        PaymentSettingsForm.From(await db.PaymentSettings.AsNoTracking().SingleAsync(cancellationToken));

    /// <summary>
    /// The public "how we pay" page: the rate card and expenses policy in force today, and where to
    /// get advice. No personal data: anyone may read it before signing in.
    /// </summary>
    public async Task<HowWePayPage> HowWePayAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var card = new RateCard(await db.RateItems.AsNoTracking().ToListAsync(cancellationToken));
        var rates = card.InForceOn(today)
            .GroupBy(r => r.Item.ActivityType)
            .Select(g => new HowWePayRates(Words.Type(g.Key), g.Select(r => $"{r.Item.Name}: {r.Describe()}").ToList()))
            .OrderBy(g => g.ActivityType, StringComparer.CurrentCulture)
            .ToList();
        var policies = await db.ExpensesPolicies.AsNoTracking().ToListAsync(cancellationToken);
        var policy = ExpensesPolicy.InForceOn(policies, today);
        var settings = await db.PaymentSettings.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        return new HowWePayPage(rates, policy is null ? null : Expenses(policy),
            settings?.WelfareRightsAdviceName, settings?.WelfareRightsAdviceLink);
    }

    private static ExpensesPolicyView View(ExpensesPolicy p, string status) =>
        new(p.Version, PaymentWords.Date(p.EffectiveFrom), status, Expenses(p));

    /// <summary>Each kind of expense as people read it: "Meals: up to £10 a claim. Keep the receipt."</summary>
    private static List<ExpenseRow> Expenses(ExpensesPolicy p) =>
        p.Rules.OrderBy(r => r.Category).Select(r => new ExpenseRow(
            PaymentWords.Category(r.Category),
            r.Category == ExpenseCategory.Mileage ? $"{PaymentWords.PerMile(p.MileageRatePerMile)} a mile" : "What you spent",
            r.CapPerClaim is { } cap ? $"Up to {cap.Format()} a claim" : "No limit",
            r.ReceiptNeeded ? "Yes" : "No")).ToList();
}

/// <summary>The words for payment settings, in one place.</summary>
public static class PaymentWords
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Uk);

    public static string Kind(RateKind kind) => kind switch
    {
        RateKind.PerHour => "Per hour",
        RateKind.PerHalfDay => "Per half day",
        RateKind.PerFullDay => "Per full day",
        _ => "Per session",
    };

    public static string Category(ExpenseCategory category) => category switch
    {
        ExpenseCategory.PublicTransport => "Bus, train or taxi",
        ExpenseCategory.Mileage => "Driving your own car (mileage)",
        ExpenseCategory.ReplacementCare => "Care for someone while you take part",
        ExpenseCategory.SupportWorker => "A support worker",
        ExpenseCategory.Meals => "Food and drink",
        _ => "Other costs",
    };

    /// <summary>"45p", or "£1.05" from a pound up.</summary>
    public static string PerMile(Money rate) => rate.Pence < 100 ? $"{rate.Pence}p" : rate.Format();
}

public sealed record RateCardPage(IReadOnlyList<RateTypeGroup> Groups);

public sealed record RateTypeGroup(string ActivityType, IReadOnlyList<RateRow> Rows);

/// <param name="Now">The terms in force today, in words.</param>
/// <param name="Coming">Versions that take effect later, in words.</param>
public sealed record RateRow(int Id, string Name, string Kind, string Now, IReadOnlyList<string> Coming);

public sealed record RateItemPage(int Id, string Name, string ActivityType, string Kind, bool IsHourly, IReadOnlyList<RateVersionRow> Versions);

public sealed record RateVersionRow(int Number, string EffectiveFrom, string Terms, string Status);

public sealed record ExpensesPolicyPage(ExpensesPolicyView? InForce, IReadOnlyList<ExpensesPolicyView> History);

public sealed record ExpensesPolicyView(int Version, string EffectiveFrom, string Status, IReadOnlyList<ExpenseRow> Rows);

public sealed record ExpenseRow(string Category, string HowRepaid, string Cap, string ReceiptNeeded);

public sealed record BenefitLimitsPage(IReadOnlyList<BenefitLimitsRow> Sets);

public sealed record BenefitLimitsRow(int Id, string EffectiveFrom, string Status, bool CanCorrect, IReadOnlyList<(string Name, string Figure)> Figures,
    string Source, string? SourceLink);

public sealed record HowWePayPage(IReadOnlyList<HowWePayRates> Rates, IReadOnlyList<ExpenseRow>? Expenses, string? AdviceName, string? AdviceLink);

public sealed record HowWePayRates(string ActivityType, IReadOnlyList<string> Rates);
