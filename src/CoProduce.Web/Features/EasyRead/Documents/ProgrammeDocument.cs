using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.EasyRead;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Infrastructure.Hosting;
using CoProduce.Web.Infrastructure.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoProduce.Web.Features.EasyRead.Documents;

/// <summary>
/// The public programme: activities open to sign up, soonest first, for anyone to read without
/// signing in. It holds what an activity's public page holds (title, summary, when, where, pay)
/// and never anything about the people taking part. A page holds <see cref="PageSize"/>
/// activities, so each PDF stays well under the 20 pages easy-read guidance allows.
/// </summary>
public sealed class ProgrammeDocument(CoProduceDbContext db, TimeProvider clock, IOptions<CouncilOptions> council, PublicLinks links)
{
    public const int PageSize = 8;

    public async Task<EasyReadDocument> BuildAsync(EasyReadLanguage language, int page, CancellationToken cancellationToken)
    {
        var words = new EasyReadWords(language);
        var today = UkTime.Today(clock);
        var open = db.Activities.AsNoTracking()
            .Where(a => a.Status == ActivityStatus.Open && a.Date >= today && a.SignUpClosesOn >= today);
        var paging = Paging.Of(await open.CountAsync(cancellationToken), PageSize, page);
        var activities = await open.OrderBy(a => a.Date).ThenBy(a => a.StartTime).ThenBy(a => a.Id)
            .Skip(paging.Skip).Take(paging.Size)
            .Select(a => new ProgrammeActivity(a.Title, a.EasyReadSummary, a.Date, a.StartTime, a.EndTime, a.SignUpClosesOn, a.Mode, a.Venue, a.RateItemId))
            .ToListAsync(cancellationToken);
        var rateIds = activities.Where(a => a.RateItemId is not null).Select(a => a.RateItemId!.Value).Distinct().ToList();
        var rates = await db.RateItems.AsNoTracking().Where(i => rateIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);

        var sections = new List<EasyReadSection>
        {
            new(null,
            [
                new EasyReadRow(Picture.Meeting, words["Programme_Intro"]),
                new EasyReadRow(Picture.People, words["Programme_Anyone"], words["Programme_Carers"]),
                new EasyReadRow(Picture.Money, words["Programme_Pay"]),
            ]),
        };
        if (activities.Count == 0)
        {
            sections.Add(new EasyReadSection(null, [new EasyReadRow(Picture.Waiting, words["Programme_None"], words["Programme_LookAgain"])]));
        }
        foreach (var activity in activities)
        {
            var rate = activity.RateItemId is { } id && rates.TryGetValue(id, out var item) && item.InForceOn(activity.Date) is { } version
                ? new RateInForce(item, version).Describe()
                : null;
            sections.Add(new EasyReadSection(activity.Title, Rows(activity, rate, words).ToList()));
        }
        if (paging.Page < paging.PageCount)
        {
            sections.Add(new EasyReadSection(null,
                [new EasyReadRow(Picture.Document, EasyReadSentence.Link(words["Programme_More"], links.To(PageAddress(language, paging.Page + 1))))]));
        }
        if (paging.Page > 1)
        {
            sections.Add(new EasyReadSection(null,
                [new EasyReadRow(Picture.Document, EasyReadSentence.Link(words["Programme_Earlier"], links.To(PageAddress(language, paging.Page - 1))))]));
        }
        sections.Add(new EasyReadSection(words["Programme_HowToSignUp"],
        [
            new EasyReadRow(Picture.SignUp, EasyReadSentence.Link(words["Programme_SignIn"], links.To("/sign-in")), words["Programme_Register"]),
            new EasyReadRow(Picture.Phone, words.Bold("Programme_Phone", council.Value.ContactPhone)),
            new EasyReadRow(Picture.Email, words.Bold("Programme_Email", council.Value.ContactEmail)),
        ]));
        sections.Add(new EasyReadSection(words["Programme_HelpHeading"],
        [
            new EasyReadRow(Picture.Help, words["Programme_Help"], words["Programme_HelpExamples"]),
        ]));
        var fileName = paging.PageCount > 1 ? $"programme-page-{paging.Page}.pdf" : "programme.pdf";
        return new EasyReadDocument(EasyReadDocumentKind.Programme, words["Programme_Title"], language, sections, fileName);
    }

    private static string PageAddress(EasyReadLanguage language, int page) =>
        $"/programme?page={page}" + (language == EasyReadLanguage.English ? string.Empty : "&lang=" + language.Code);

    private static IEnumerable<EasyReadRow> Rows(ProgrammeActivity activity, string? rate, EasyReadWords words)
    {
        yield return activity.EasyReadSummary is { } summary
            ? new EasyReadRow(activity.Mode == ActivityMode.Online ? Picture.OnlineMeeting : Picture.Meeting,
                PlainEnglishChecker.Sentences(summary).Select(s => (EasyReadSentence)s).ToList())
            : new EasyReadRow(Picture.Question, words["Programme_About"], words["Programme_AskUs"]);
        yield return new EasyReadRow(Picture.Date, words.Bold("Programme_When", words.Date(activity.Date)),
            words.Bold("Programme_Times", words.Time(activity.StartTime), words.Time(activity.EndTime)));
        yield return activity.Mode switch
        {
            ActivityMode.Online => new EasyReadRow(Picture.OnlineMeeting, words["Programme_Online"]),
            _ when string.IsNullOrWhiteSpace(activity.Venue) => new EasyReadRow(Picture.Place, words["Programme_VenueLater"]),
            ActivityMode.Hybrid => new EasyReadRow(Picture.Place, words.Bold("Programme_Hybrid", activity.Venue!)),
            _ => new EasyReadRow(Picture.Place, words.Bold("Programme_AtVenue", activity.Venue!)),
        };
        yield return rate is not null
            ? new EasyReadRow(Picture.Money, words.Bold("Programme_Paid", rate))
            : new EasyReadRow(Picture.NoFee, words["Programme_Unpaid"], words["Programme_CostsStill"]);
        yield return new EasyReadRow(Picture.SignUp, words.Bold("Programme_SignUpBy", words.Date(activity.SignUpClosesOn)));
    }

    private sealed record ProgrammeActivity(string Title, string? EasyReadSummary, DateOnly Date, TimeOnly StartTime, TimeOnly EndTime,
        DateOnly SignUpClosesOn, ActivityMode Mode, string? Venue, int? RateItemId);
}
