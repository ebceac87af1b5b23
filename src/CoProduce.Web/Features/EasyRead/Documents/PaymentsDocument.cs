using System.Globalization;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.EasyRead;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Infrastructure.Hosting;
using CoProduce.Web.Infrastructure.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoProduce.Web.Features.EasyRead.Documents;

/// <summary>What a person's payments document says: flat facts, read from the database or made up for a sample.</summary>
/// <param name="StartYear">The calendar year the tax year starts in (6 April).</param>
/// <param name="Waiting">Approved but not paid yet, or with finance to check.</param>
/// <param name="Drafts">Claims the person still has to check and send.</param>
/// <param name="MoreClaims">Claims in the year beyond the most recent <see cref="PaymentsDocument.MostClaims"/>.</param>
public sealed record PaymentsContent(int StartYear, Money Paid, Money Waiting, int Drafts, IReadOnlyList<PaymentsClaim> Claims, int MoreClaims,
    string? AdviceName, string? AdviceLink);

/// <summary>One claim: the activity it is for, its day, its amount and where it is.</summary>
public sealed record PaymentsClaim(string Activity, DateOnly Date, Money Amount, ClaimStatus Status);

/// <summary>
/// A person's own payments for one tax year (6 April to 5 April), in easy read. Only the claims of
/// the profile of the signed-in account: no address names a person. The database adds up the
/// totals and bounds the list to the most recent <see cref="MostClaims"/>: four commands however
/// many claims there are.
/// </summary>
public sealed class PaymentsDocument(CoProduceDbContext db, TimeProvider clock, IOptions<CouncilOptions> council, PublicLinks links)
{
    public const int MostClaims = 30;

    /// <summary>The tax year asked for, or this one when none is asked for, or the year is before 2000 or still to come.</summary>
    public static int YearFor(int? asked, DateOnly today)
    {
        var thisYear = EarningsPeriods.TaxYear(today).First.Year;
        return asked is { } year && year >= 2000 && year <= thisYear ? year : thisYear;
    }

    public async Task<EasyReadDocument> BuildAsync(string userId, int? startYear, EasyReadLanguage language, CancellationToken cancellationToken) =>
        Build(await ReadAsync(userId, startYear, cancellationToken), language);

    public async Task<PaymentsContent> ReadAsync(string userId, int? startYear, CancellationToken cancellationToken)
    {
        var year = YearFor(startYear, UkTime.Today(clock));
        var period = EarningsPeriods.TaxYear(new DateOnly(year, 4, 6));
        var profileId = await db.ExpertProfiles.Where(p => p.UserId == userId).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
        var inYear = db.Claims.Where(c => c.ExpertProfileId == profileId)
            .Join(db.Activities, c => c.ActivityId, a => a.Id, (c, a) => new { Claim = c, a.Title, a.Date })
            .Where(x => x.Date >= period.First && x.Date <= period.Last);
        var byStatus = await inYear.GroupBy(x => x.Claim.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Pence = g.Sum(x => (long)(object)x.Claim.Total) })
            .ToListAsync(cancellationToken);
        var claims = await inYear.OrderByDescending(x => x.Date).ThenByDescending(x => x.Claim.Id)
            .Take(MostClaims)
            .Select(x => new PaymentsClaim(x.Title, x.Date, x.Claim.Total, x.Claim.Status))
            .ToListAsync(cancellationToken);
        var advice = await db.PaymentSettings.AsNoTracking()
            .Select(s => new { s.WelfareRightsAdviceName, s.WelfareRightsAdviceLink })
            .SingleOrDefaultAsync(cancellationToken);

        Money Sum(params StatementGroup[] groups) =>
            Money.FromPence(byStatus.Where(s => groups.Contains(StatementGroups.Of(s.Status))).Sum(s => s.Pence));
        var drafts = byStatus.Where(s => s.Status == ClaimStatus.Draft).Sum(s => s.Count);
        return new PaymentsContent(year, Sum(StatementGroup.Paid), Sum(StatementGroup.ApprovedNotPaid, StatementGroup.WithFinance), drafts,
            claims, Math.Max(0, byStatus.Sum(s => s.Count) - claims.Count), advice?.WelfareRightsAdviceName, advice?.WelfareRightsAdviceLink);
    }

    public EasyReadDocument Build(PaymentsContent content, EasyReadLanguage language)
    {
        var words = new EasyReadWords(language);
        var culture = language.Culture;
        var period = EarningsPeriods.TaxYear(new DateOnly(content.StartYear, 4, 6));
        string Day(DateOnly date) => date.ToString("d MMMM yyyy", culture);

        var opening = new List<EasyReadRow>
        {
            new(Picture.TaxYear, words.Bold("Payments_Year", Day(period.First), Day(period.Last)), words["Payments_YearWhy"]),
            new(Picture.Payment, words.Bold("Payments_Paid", content.Paid.Format())),
            new(Picture.Waiting, content.Waiting == Money.Zero ? words["Payments_NothingWaiting"] : words.Bold("Payments_Waiting", content.Waiting.Format())),
        };
        if (content.Drafts > 0)
        {
            opening.Add(new EasyReadRow(Picture.Writing, content.Drafts == 1
                ? words["Payments_DraftOne"]
                : words.Bold("Payments_Drafts", content.Drafts.ToString(culture))));
        }
        var sections = new List<EasyReadSection> { new(null, opening) };

        var claims = content.Claims.Select(c => new EasyReadRow(PictureFor(c.Status),
            words.Bold("Payments_Claim", c.Activity, Day(c.Date)),
            words.Bold("Payments_Amount", c.Amount.Format()),
            words[StatusKey(c.Status)])).ToList();
        if (claims.Count == 0)
        {
            claims.Add(new EasyReadRow(Picture.Information, words["Payments_NoClaims"]));
        }
        if (content.MoreClaims > 0)
        {
            claims.Add(new EasyReadRow(Picture.Document, words.Bold("Payments_More", content.MoreClaims.ToString(culture)),
                EasyReadSentence.Link(words["Payments_SeeAll"], links.To($"/my-payments?year={content.StartYear.ToString(CultureInfo.InvariantCulture)}"))));
        }
        sections.Add(new EasyReadSection(words["Payments_ClaimsHeading"], claims));
        sections.Add(PayWords.Benefits(words, content.AdviceName, content.AdviceLink));
        sections.Add(PayWords.Questions(words, council.Value));

        var title = string.Format(culture, words["Payments_Title"], period.First.Year, period.Last.Year);
        return new EasyReadDocument(EasyReadDocumentKind.Payments, title, language, sections,
            string.Create(CultureInfo.InvariantCulture, $"my-payments-{period.First.Year}-{period.Last.Year}.pdf"));
    }

    private static Picture PictureFor(ClaimStatus status) => status switch
    {
        ClaimStatus.Paid => Picture.Payment,
        ClaimStatus.Draft => Picture.Writing,
        ClaimStatus.Queried => Picture.Question,
        ClaimStatus.Rejected => Picture.No,
        _ => Picture.Waiting,
    };

    /// <summary>Where a claim is, in everyday words.</summary>
    public static string StatusKey(ClaimStatus status) => status switch
    {
        ClaimStatus.Paid => "Payments_StatusPaid",
        ClaimStatus.Approved => "Payments_StatusApproved",
        ClaimStatus.Batched => "Payments_StatusBeingPaid",
        ClaimStatus.Submitted or ClaimStatus.AwaitingSecondApproval => "Payments_StatusChecking",
        ClaimStatus.Queried => "Payments_StatusQuestion",
        ClaimStatus.Draft => "Payments_StatusDraft",
        _ => "Payments_StatusRejected",
    };
}

/// <summary>The rows the payment documents share: money and benefits, and who to ask.</summary>
public static class PayWords
{
    public static EasyReadSection Benefits(EasyReadWords words, string? adviceName, string? adviceLink) =>
        new(words["Pay_BenefitsHeading"],
        [
            new EasyReadRow(Picture.Benefits, words["Pay_Benefits"], words["Pay_Vouchers"]),
            new EasyReadRow(Picture.Receipt, words["Pay_CostsDoNot"]),
            new EasyReadRow(Picture.Help, string.IsNullOrWhiteSpace(adviceLink)
                ? words["Pay_AdviceAsk"]
                : EasyReadSentence.Link(string.Format(words.Language.Culture, words["Pay_Advice"], string.IsNullOrWhiteSpace(adviceName) ? adviceLink : adviceName), adviceLink)),
        ]);

    public static EasyReadSection Questions(EasyReadWords words, CouncilOptions council) =>
        new(words["Pay_QuestionsHeading"],
        [
            new EasyReadRow(Picture.Question, words["Pay_Ask"]),
            new EasyReadRow(Picture.Phone, words.Bold("Pay_Phone", council.ContactPhone)),
            new EasyReadRow(Picture.Email, words.Bold("Pay_Email", council.ContactEmail)),
        ]);
}
