using AngleSharp.Html.Parser;
using CoProduce.Tests.Shared;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.EasyRead;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Activities;
using CoProduce.Web.Features.EasyRead;
using CoProduce.Web.Infrastructure.Email;
using CoProduce.Web.Infrastructure.Mvc;
using CoProduce.Web.Infrastructure.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CoProduce.IntegrationTests.EasyRead;

/// <summary>
/// People who asked for easy read get easy-read emails, with the activity's easy-read invitation
/// as a PDF made when the email is sent; everyone else gets the usual wording. The PDF never holds
/// an email back. With the PDF tests, so that only one test's Chromium runs at a time.
/// </summary>
[Collection(PdfMemoryTests.Name)]
public sealed class EasyReadEmailTests(PortalFixture portal) : IClassFixture<PortalFixture>
{
    private const string TestKind = "test-letter";

    /// <summary>A small document for tests: "test-letter/1" exists, "test-letter/0" has gone.</summary>
    private sealed class TestLetter : IAttachableDocument
    {
        public const string Sentence = "We will meet at the library on Friday.";

        public string Kind => TestKind;

        public Task<EasyReadDocument?> BuildAsync(IReadOnlyList<int> ids, EasyReadLanguage language, CancellationToken cancellationToken) =>
            Task.FromResult(ids is [1]
                ? new EasyReadDocument(EasyReadDocumentKind.Invitation, "Our letter to you", language,
                    [new EasyReadSection(null, [new EasyReadRow(Picture.Meeting, Sentence), new EasyReadRow(Picture.Phone, "Ring us if you have a question.")])],
                    "letter.pdf")
                : null);
    }

    /// <summary>A server with no Chromium.</summary>
    private sealed class NoBrowser : IPdfPrinter
    {
        public bool IsAvailable => false;

        public Task<byte[]> PrintAsync(string html, string footerTemplate, CancellationToken cancellationToken) =>
            throw new PdfUnavailableException("No browser is installed.");
    }

    /// <summary>A browser that fails every print, counting how often it was asked.</summary>
    private sealed class BrokenBrowser : IPdfPrinter
    {
        public int Prints;

        public bool IsAvailable => true;

        public Task<byte[]> PrintAsync(string html, string footerTemplate, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Prints);
            throw new PdfUnavailableException("The browser crashed.");
        }
    }

    private static void AddTestLetter(Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>
        services.AddScoped<IAttachableDocument, TestLetter>();

    private static async Task QueueAsync(CoProduceAppFactory app, string to, string subject, string? document)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IEmailOutbox>().Add(new EmailMessage(to, subject, $"Hello.\n\n{CopyNote}\n\nFrom CoProduce"), null, document);
        await scope.ServiceProvider.GetRequiredService<CoProduceDbContext>().SaveChangesAsync();
    }

    /// <summary>What an easy-read email says about its copy: only true when the PDF is there.</summary>
    private const string CopyNote = "We have put an easy read copy with this email.";

    private static MimePart? Pdf(MimeMessage email) =>
        email.Attachments.OfType<MimePart>().SingleOrDefault(a => a.ContentType.MimeType == "application/pdf");

    private static async Task<byte[]> BytesAsync(MimePart part)
    {
        using var content = new MemoryStream();
        await part.Content!.DecodeToAsync(content);
        return content.ToArray();
    }

    [Fact]
    public async Task EmailAskingForADocument_IsSentWithItAsATaggedEasyReadPdf()
    {
        using var app = new CoProduceAppFactory { TestServices = AddTestLetter };
        await QueueAsync(app, "letter.reader@example.org", "Your letter", AttachableDocumentReference.For(TestKind, 1));

        Assert.Equal(1, await app.SendQueuedEmailsAsync());

        var email = Assert.Single(Mailbox.To(app.MailFolder, "letter.reader@example.org"));
        var pdf = Pdf(email);
        Assert.NotNull(pdf);
        Assert.Equal("easy-read-test-letter.pdf", pdf.FileName);
        Assert.Contains(CopyNote, email.TextBody, StringComparison.Ordinal);
        // The page the PDF is printed from, to check the PDF holds every sentence, picture and word size of it.
        await using var scope = app.Services.CreateAsyncScope();
        var document = (await new TestLetter().BuildAsync([1], EasyReadLanguage.English, default))!;
        var html = await scope.ServiceProvider.GetRequiredService<ViewRenderer>().RenderAsync(EasyReadOutput.PrintView, document);
        var page = await new HtmlParser().ParseDocumentAsync(html);
        Assert.Contains(TestLetter.Sentence, PdfChecks.PageSentences(page));
        await PdfChecks.AssertEasyReadAsync(await BytesAsync(pdf), page, "email-attachment");
        var stored = await scope.ServiceProvider.GetRequiredService<CoProduceDbContext>().OutboxMessages.AsNoTracking().SingleAsync();
        // Only the reference is kept, never the PDF.
        Assert.Equal((OutboxStatus.Sent, "test-letter/1", 0), (stored.Status, stored.AttachDocument, stored.Attachments.Count));
    }

    [Fact]
    public async Task DocumentGone_OrNoBrowser_TheEmailIsStillSent_WithoutThePdf()
    {
        using var gone = new CoProduceAppFactory { TestServices = AddTestLetter };
        using var noBrowser = new CoProduceAppFactory
        {
            TestServices = services =>
            {
                AddTestLetter(services);
                services.AddSingleton<IPdfPrinter, NoBrowser>();
            },
        };
        await QueueAsync(gone, "gone@example.org", "About a letter that has gone", AttachableDocumentReference.For(TestKind, 0));
        await QueueAsync(gone, "unknown@example.org", "About a kind nobody makes", AttachableDocumentReference.For("no-such-kind", 1));
        await QueueAsync(noBrowser, "no.browser@example.org", "About a letter nobody can print", AttachableDocumentReference.For(TestKind, 1));

        Assert.Equal((2, 1), (await gone.SendQueuedEmailsAsync(), await noBrowser.SendQueuedEmailsAsync()));

        var sent = Mailbox.To(gone.MailFolder, "gone@example.org").Concat(Mailbox.To(gone.MailFolder, "unknown@example.org"))
            .Concat(Mailbox.To(noBrowser.MailFolder, "no.browser@example.org")).ToList();
        Assert.Equal(3, sent.Count);
        Assert.All(sent, email => Assert.Null(Pdf(email)));
        // Nobody is told a copy is attached when it is not.
        Assert.All(sent, email => Assert.DoesNotContain(CopyNote, email.TextBody, StringComparison.Ordinal));
        Assert.All(sent, email => Assert.Contains("From CoProduce", email.TextBody, StringComparison.Ordinal));
        foreach (var app in new[] { gone, noBrowser })
        {
            await using var scope = app.Services.CreateAsyncScope();
            var statuses = await scope.ServiceProvider.GetRequiredService<CoProduceDbContext>().OutboxMessages.Select(m => m.Status).ToListAsync();
            Assert.All(statuses, s => Assert.Equal(OutboxStatus.Sent, s));
        }
    }

    [Fact]
    public async Task Invite_SomeoneWhoAskedForEasyRead_GetsEasyReadWordsAndTheInvitation_OthersTheUsualEmail()
    {
        var (activityId, jo, grace) = await InviteJoAndGraceAsync("Easy read invitation test");

        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var toJo = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ActivityId == activityId && m.ExpertProfileId == jo);
        var toGrace = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ActivityId == activityId && m.ExpertProfileId == grace);

        Assert.Equal(AttachableDocumentReference.For("invitation", activityId, jo), toJo.AttachDocument);
        Assert.Equal("You are invited: Easy read invitation test", toJo.Subject);
        var lines = toJo.TextBody.Split('\n');
        Assert.Equal("Hello Jo.", lines[0]);
        // The facts, each on a line of its own.
        Assert.Contains("What: Easy read invitation test", lines);
        Assert.Contains(lines, l => l.StartsWith("Date: ", StringComparison.Ordinal) && l.EndsWith(UkTime.Today(TimeProvider.System).AddDays(30).ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), StringComparison.Ordinal));
        Assert.Contains("Time: 10am to 12:30pm", lines);
        Assert.Contains("Place: Town Hall, Room 1", lines);
        Assert.Contains("We have put an easy read copy with this email.", lines);
        Assert.Contains("Sign in and answer on this page: https://localhost/my-involvement", lines);
        Assert.All(lines.Where(l => !l.Contains("http", StringComparison.Ordinal) && !l.StartsWith("What: ", StringComparison.Ordinal)),
            line => Assert.Empty(PlainEnglishChecker.Check(line)));

        Assert.Null(toGrace.AttachDocument);
        Assert.Equal("You are invited: Easy read invitation test", toGrace.Subject);
        Assert.StartsWith("Hello Grace,\n\nWe would like you to take part in Easy read invitation test.", toGrace.TextBody, StringComparison.Ordinal);
        Assert.Contains("Your involvement page: https://localhost/my-involvement", toGrace.TextBody, StringComparison.Ordinal);
    }

    /// <summary>Jo asked for easy read (the demo data says so); Grace did not.</summary>
    private async Task<(int ActivityId, int Jo, int Grace)> InviteJoAndGraceAsync(string title)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        var jo = await db.ExpertProfiles.SingleAsync(p => p.ContactEmail == "expert@example.org");
        var grace = await db.ExpertProfiles.SingleAsync(p => p.ContactEmail == "grace.adeyemi@example.org");
        Assert.Contains(AccessNeed.EasyRead, jo.AccessNeeds);
        Assert.DoesNotContain(AccessNeed.EasyRead, grace.AccessNeeds);
        var now = DateTime.UtcNow;
        var project = await db.CommissioningProjects.OrderBy(p => p.Id).Select(p => new { p.Id, p.OwnerId }).FirstAsync();
        var today = UkTime.Today(TimeProvider.System);
        var activity = new Activity(project.Id, title, ActivityType.Workshop, "A test activity.",
            new ActivitySchedule(today.AddDays(30), new TimeOnly(10, 0), new TimeOnly(12, 30), today.AddDays(27)),
            new ActivityPlace(ActivityMode.InPerson, "Town Hall, Room 1", "Step-free entrance.", null),
            4, [LivedExperienceArea.Carer, LivedExperienceArea.DomesticAbuse], LadderRung.CoProduction, isPaid: false, project.OwnerId, now);
        activity.MoveTo(ActivityStatus.Open, now);
        db.Activities.Add(activity);
        await db.SaveChangesAsync();

        var service = scope.ServiceProvider.GetRequiredService<ActivityService>();
        foreach (var person in new[] { jo.Id, grace.Id })
        {
            await service.InviteAsync(activity.Id, person, project.OwnerId, default);
        }
        return (activity.Id, jo.Id, grace.Id);
    }

    [Fact]
    public async Task PdfFails_TheNextEmailsDoNotTryAgainForAWhile_AndAllAreSent()
    {
        var broken = new BrokenBrowser();
        using var app = new CoProduceAppFactory
        {
            TestServices = services =>
            {
                AddTestLetter(services);
                services.AddSingleton<IPdfPrinter>(broken);
            },
        };
        await QueueAsync(app, "first@example.org", "First letter", AttachableDocumentReference.For(TestKind, 1));
        await QueueAsync(app, "second@example.org", "Second letter", AttachableDocumentReference.For(TestKind, 1));

        Assert.Equal(2, await app.SendQueuedEmailsAsync());

        // One failed print, then the broken browser is left alone: the second email does not wait on it.
        Assert.Equal(1, broken.Prints);
        var sent = Mailbox.To(app.MailFolder, "first@example.org").Concat(Mailbox.To(app.MailFolder, "second@example.org")).ToList();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, email => Assert.Null(Pdf(email)));
        Assert.All(sent, email => Assert.DoesNotContain(CopyNote, email.TextBody, StringComparison.Ordinal));
    }
}
