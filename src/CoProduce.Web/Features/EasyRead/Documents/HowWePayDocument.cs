using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.EasyRead;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Features.Payments;
using CoProduce.Web.Infrastructure.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoProduce.Web.Features.EasyRead.Documents;

/// <summary>What "how we pay you" says: the rates in force, the mileage rate, and where to get advice.</summary>
/// <param name="MileagePerMile">What a mile of driving pays back, when the expenses policy pays for driving.</param>
public sealed record HowWePayContent(IReadOnlyList<HowWePayRate> Rates, Money? MileagePerMile, string? AdviceName, string? AdviceLink);

/// <summary>A rate in force, for a type of activity: "£25 an hour, including preparation time".</summary>
public sealed record HowWePayRate(ActivityType Type, string Terms);

/// <summary>
/// How the council pays people, in easy read, for anyone to read before they sign up. It is read
/// from what the public "how we pay" page shows: the rate card and expenses policy in force today,
/// and the advice link from the payment settings. Three commands.
/// </summary>
public sealed class HowWePayDocument(CoProduceDbContext db, TimeProvider clock, IOptions<CouncilOptions> council)
{
    public async Task<EasyReadDocument> BuildAsync(EasyReadLanguage language, CancellationToken cancellationToken) =>
        Build(await ReadAsync(cancellationToken), language);

    public async Task<HowWePayContent> ReadAsync(CancellationToken cancellationToken)
    {
        var today = UkTime.Today(clock);
        var rates = new RateCard(await db.RateItems.AsNoTracking().ToListAsync(cancellationToken)).InForceOn(today)
            .OrderBy(r => r.Item.ActivityType).ThenBy(r => r.Item.Name, StringComparer.OrdinalIgnoreCase)
            .Select(r => new HowWePayRate(r.Item.ActivityType, r.Describe()))
            .ToList();
        var policy = ExpensesPolicy.InForceOn(await db.ExpensesPolicies.AsNoTracking().ToListAsync(cancellationToken), today);
        var advice = await db.PaymentSettings.AsNoTracking()
            .Select(s => new { s.WelfareRightsAdviceName, s.WelfareRightsAdviceLink })
            .SingleOrDefaultAsync(cancellationToken);
        var mileage = policy is not null && policy.Rules.Any(r => r.Category == ExpenseCategory.Mileage) ? policy.MileageRatePerMile : (Money?)null;
        return new HowWePayContent(rates, mileage, advice?.WelfareRightsAdviceName, advice?.WelfareRightsAdviceLink);
    }

    public EasyReadDocument Build(HowWePayContent content, EasyReadLanguage language)
    {
        var words = new EasyReadWords(language);
        var rates = content.Rates
            // Only the amount is in bold: "Group meeting: **£25 an hour**."
            .Select(r => new EasyReadRow(Picture.Money,
                EasyReadSentence.Bold(words["HowWePay_Rate"].Replace("{0}", words["HowWePay_Type_" + r.Type], StringComparison.Ordinal).Replace("{1}", "{0}", StringComparison.Ordinal), r.Terms)))
            .ToList();
        if (rates.Count == 0)
        {
            rates.Add(new EasyReadRow(Picture.Information, words["HowWePay_NoRates"], words["HowWePay_EachMeeting"]));
        }
        rates.Add(new EasyReadRow(Picture.Handshake, words["HowWePay_Fixed"]));

        var costs = new List<EasyReadRow> { new(Picture.Bus, words["HowWePay_Costs"], words["HowWePay_CostsExamples"]) };
        if (content.MileagePerMile is { } perMile)
        {
            costs.Add(new EasyReadRow(Picture.Car, words.Bold("HowWePay_Mileage", PaymentWords.PerMile(perMile))));
        }
        costs.Add(new EasyReadRow(Picture.Receipt, words["HowWePay_Receipts"], words["HowWePay_Photo"]));

        var sections = new List<EasyReadSection>
        {
            new(null, [new EasyReadRow(Picture.Meeting, words["HowWePay_Intro"], words["HowWePay_EachMeeting"])]),
            new(words["HowWePay_RatesHeading"], rates),
            new(words["HowWePay_CostsHeading"], costs),
            new(words["HowWePay_ChoicesHeading"],
            [
                new EasyReadRow(Picture.NoFee, words["HowWePay_NoFee"], words["HowWePay_CostsStill"]),
                new EasyReadRow(Picture.Voucher, words["HowWePay_Vouchers"]),
                new EasyReadRow(Picture.Bank, words["HowWePay_Bank"]),
            ]),
            PayWords.Benefits(words, content.AdviceName, content.AdviceLink),
            PayWords.Questions(words, council.Value),
        };
        return new EasyReadDocument(EasyReadDocumentKind.HowWePay, words["HowWePay_Title"], language, sections, "how-we-pay.pdf");
    }
}
