using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.EasyRead;
using CoProduce.Web.Features.Activities;
using CoProduce.Web.Infrastructure.Hosting;
using CoProduce.Web.Infrastructure.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoProduce.Web.Features.EasyRead.Documents;

/// <summary>
/// A person's own meetings still to come, in easy read, grouped by where they stand (please
/// answer; a place offered; a place; waiting for the organiser; the waiting list), soonest first,
/// each with its date, time, place and a link to its invitation. Bounded: at most
/// <see cref="MostShown"/>, and it says when there are more. Three commands whatever the data.
/// </summary>
public sealed class BookingsDocument(CoProduceDbContext db, TimeProvider clock, IOptions<CouncilOptions> council, PublicLinks links)
{
    public const string PagePath = "/my-involvement/bookings";

    public const int MostShown = 20;

    /// <summary>The order the groups are shown in: something to do first.</summary>
    private static readonly (SignUpStatus Status, string Heading)[] Groups =
    [
        (SignUpStatus.Invited, "Bookings_InvitedHeading"),
        (SignUpStatus.Offered, "Bookings_OfferedHeading"),
        (SignUpStatus.Confirmed, "Bookings_ConfirmedHeading"),
        (SignUpStatus.Requested, "Bookings_RequestedHeading"),
        (SignUpStatus.WaitingList, "Bookings_WaitingListHeading"),
    ];

    /// <summary>The signed-in person's own bookings, found from their account.</summary>
    public async Task<EasyReadDocument> ForAccountAsync(string userId, EasyReadLanguage language, CancellationToken cancellationToken)
    {
        var profileId = await db.ExpertProfiles.AsNoTracking().Where(p => p.UserId == userId).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
        var bookings = new List<Booking>();
        var total = 0;
        if (profileId is { } myId)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            // Only this person's own sign-ups still in play, for activities that have not ended.
            var query = db.SignUps.AsNoTracking()
                .Where(s => s.ExpertProfileId == myId && (s.Status == SignUpStatus.Invited || s.Status == SignUpStatus.Offered
                    || s.Status == SignUpStatus.Confirmed || s.Status == SignUpStatus.Requested || s.Status == SignUpStatus.WaitingList))
                .Join(db.Activities.Where(a => a.Status == ActivityStatus.Open || a.Status == ActivityStatus.Closed).Where(ActivityQueries.NotYetEnded(now)),
                    s => s.ActivityId, a => a.Id, (s, a) => new { s.Status, Activity = a });
            total = await query.CountAsync(cancellationToken);
            bookings = await query
                .OrderBy(x => x.Activity.Date).ThenBy(x => x.Activity.StartTime).ThenBy(x => x.Activity.Id)
                .Take(MostShown)
                .Select(x => new Booking(x.Activity.Id, x.Activity.Title, x.Activity.Date, x.Activity.StartTime, x.Activity.EndTime, x.Activity.Mode, x.Activity.Venue, x.Status))
                .ToListAsync(cancellationToken);
        }

        return Compose(bookings, total, language);
    }

    /// <summary>The document from what was read: also used, with made-up meetings, for the lead's preview.</summary>
    internal EasyReadDocument Compose(IReadOnlyList<Booking> bookings, int total, EasyReadLanguage language)
    {
        var words = new EasyReadWords(language);
        var sections = new List<EasyReadSection>
        {
            new(null, [new EasyReadRow(Picture.Document, words["Bookings_Intro"], words["Bookings_Soonest"])]),
        };
        if (bookings.Count == 0)
        {
            sections.Add(new EasyReadSection(null,
                [new EasyReadRow(Picture.Information, words["Bookings_None"], EasyReadSentence.Link(words["Bookings_Find"], links.To("/programme")))]));
        }
        foreach (var (status, heading) in Groups)
        {
            var rows = bookings.Where(b => b.Status == status).SelectMany(b => Rows(b, words)).ToList();
            if (rows.Count > 0)
            {
                sections.Add(new EasyReadSection(words[heading], rows));
            }
        }
        if (total > bookings.Count)
        {
            sections.Add(new EasyReadSection(null,
                [new EasyReadRow(Picture.Document, words["Bookings_More"], EasyReadSentence.Link(words["Bookings_SeeAll"], links.To("/my-involvement")))]));
        }
        sections.Add(new EasyReadSection(words["Invitation_ContactHeading"], InvitationDocument.ContactRows(words, council.Value, organiser: null).ToList()));
        return new EasyReadDocument(EasyReadDocumentKind.Bookings, words["Bookings_Title"], language, sections, "my-meetings.pdf");
    }

    /// <summary>One meeting: its name and a link to its invitation, then when and where.</summary>
    private IEnumerable<EasyReadRow> Rows(Booking booking, EasyReadWords words)
    {
        yield return new EasyReadRow(booking.Mode == ActivityMode.Online ? Picture.OnlineMeeting : Picture.Meeting,
            EasyReadSentence.Bold("{0}", booking.Title),
            EasyReadSentence.Link(words["Bookings_Read"], links.To(InvitationDocument.PagePath(booking.ActivityId))));
        var when = words.Bold("Bookings_When", words.Date(booking.Date), words.Time(booking.StartTime), words.Time(booking.EndTime));
        yield return booking.Mode switch
        {
            ActivityMode.Online => new EasyReadRow(Picture.Date, when, words["Bookings_Online"]),
            ActivityMode.Hybrid => new EasyReadRow(Picture.Date, when, words.Bold("Bookings_Hybrid", booking.Venue ?? string.Empty)),
            _ => new EasyReadRow(Picture.Date, when, words.Bold("Bookings_AtVenue", booking.Venue ?? string.Empty)),
        };
    }

    internal sealed record Booking(int ActivityId, string Title, DateOnly Date, TimeOnly StartTime, TimeOnly EndTime, ActivityMode Mode, string? Venue, SignUpStatus Status);
}
