using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Feedback;
using CoProduce.Web.Domain.Roster;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Data.Seeding;

/// <summary>
/// What carers said at the demo's past carers' activities, themed and answered, and published a
/// few days later, so that the feedback pages, the public "you said, we did" page and the reports
/// have something to show. One note from the co-writing session is not themed yet, so Jo can
/// still correct it. Everything here is fictional.
/// </summary>
internal sealed class DemoFeedback(CoProduceDbContext db)
{
    public async Task SeedAsync(CommissioningProject carers, ExpertProfiles people, string organiser, DateTime now, CancellationToken cancellationToken)
    {
        var activities = await db.Activities.Where(a => a.ProjectId == carers.Id && a.Status == ActivityStatus.Completed)
            .OrderBy(a => a.Date).ToListAsync(cancellationToken);
        var listening = activities.First();
        var writing = activities.Last();
        var recorded = listening.Date.ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc);
        listening.TagWithKeys(SevenKeys.Help | SevenKeys.Freedom | SevenKeys.Life, recorded);
        writing.TagWithKeys(SevenKeys.Meaning | SevenKeys.Help, recorded);

        FeedbackItem Note(Activity at, FeedbackKind kind, string text, SevenKeys keys, ExpertProfile? saidBy = null, bool mayName = false) =>
            new(at.Id, carers.Id, kind, text, keys, saidBy?.Id, mayName, organiser,
                at.Date.ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc));

        var cafe = Note(listening, FeedbackKind.Working, "The carers' café on Tuesdays is a lifeline. I can talk to people who understand.",
            SevenKeys.Love | SevenKeys.Life, people.Jo);
        var sameWorker = Note(listening, FeedbackKind.Working, "Replacement care from the same worker each time, so the person I care for feels safe.",
            SevenKeys.Help);
        var tooLate = Note(listening, FeedbackKind.NotWorking, "I find out about breaks too late. The leaflet came after the summer holidays.",
            SevenKeys.Freedom | SevenKeys.Help, people.Maya, mayName: true);
        var threeNumbers = Note(listening, FeedbackKind.NotWorking, "Booking a break means ringing three different numbers.",
            SevenKeys.Help | SevenKeys.Freedom);
        var travel = Note(listening, FeedbackKind.NotWorking, "The bus to the library costs £9 return, and it is weeks before it is paid back.",
            SevenKeys.Money, people.Grace);
        var shortNotice = Note(listening, FeedbackKind.ImportantForFuture, "Breaks I can book at short notice, when I am exhausted.",
            SevenKeys.Freedom | SevenKeys.Help);
        var youngCarers = Note(listening, FeedbackKind.ImportantForFuture, "Young carers need breaks too, not only adults.",
            SevenKeys.Life | SevenKeys.Love);
        var ourWords = Note(writing, FeedbackKind.Working, "Writing the question together meant our words went in.", SevenKeys.Meaning);
        var knowInTime = Note(writing, FeedbackKind.ImportantForFuture, "Providers should say how carers will know a break is coming.",
            SevenKeys.Help, people.Jo);
        db.FeedbackItems.AddRange(cafe, sameWorker, tooLate, threeNumbers, travel, shortNotice, youngCarers, ourWords, knowInTime);

        var themed = recorded.AddDays(4);
        var today = DateOnly.FromDateTime(UkTime.ToUk(now));
        var booking = new FeedbackTheme(carers.Id, "Finding and booking a break is too hard", organiser, themed);
        booking.Understand("Information about breaks sits with three teams, and each has its own phone line.",
            "One phone number and one web page to book a break, with an answer within two working days.", themed);
        booking.Respond(ResponseKind.WeWillDo, "The new service will have one phone number and one web page for booking breaks. "
            + "This is written into the service specification that providers must follow.", today.AddDays(120), DateOnly.FromDateTime(themed), themed);
        var fares = new FeedbackTheme(carers.Id, "Travel costs to take part", organiser, themed);
        fares.Understand("Expenses were paid in a monthly run.", "Fares repaid within a week.", themed);
        fares.Respond(ResponseKind.WeDid, "Bus fares are now repaid within a week. You can claim them on this website with a photo of the ticket.",
            null, DateOnly.FromDateTime(themed), themed);
        var young = new FeedbackTheme(carers.Id, "Breaks for young carers", organiser, themed);
        young.Respond(ResponseKind.WeCannotDo, "Breaks for young carers are paid for by children's services, under a different law, "
            + "so this service cannot include them. We have passed on what you said, and the young carers' service will meet the forum.",
            null, DateOnly.FromDateTime(themed), themed);
        var keep = new FeedbackTheme(carers.Id, "Keep what already works", organiser, themed);
        keep.Respond(ResponseKind.WeDid, "The carers' café and having the same replacement care worker are now things any new provider must keep.",
            null, DateOnly.FromDateTime(themed), themed);
        FeedbackTheme[] themes = [booking, fares, young, keep];
        db.FeedbackThemes.AddRange(themes);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (item, theme) in new[] { (tooLate, booking), (threeNumbers, booking), (shortNotice, booking), (travel, fares), (youngCarers, young), (cafe, keep), (sameWorker, keep) })
        {
            item.PutInTheme(theme.Id, themed);
        }
        var published = themed.AddDays(10);
        foreach (var theme in themes)
        {
            theme.Publish(published);
        }
        db.YouSaidWeDidPublications.Add(new YouSaidWeDidPublication(carers.Id, themes.Length, showOnPublicPage: true, today.AddDays(60), organiser, published));
        await db.SaveChangesAsync(cancellationToken);
    }
}
