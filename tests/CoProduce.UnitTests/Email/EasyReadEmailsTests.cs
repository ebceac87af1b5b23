using System.Collections;
using System.Globalization;
using System.Resources;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.EasyRead;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Activities;
using CoProduce.Web.Features.EasyRead;
using CoProduce.Web.Infrastructure.Email;
using CoProduce.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Moq;

namespace CoProduce.UnitTests.Email;

/// <summary>
/// The emails to people who asked for easy read: easy-read words that pass the plain-English
/// checker, the facts on lines of their own, and the activity's easy-read invitation attached
/// where there is one. Everyone else's emails are unchanged.
/// </summary>
public sealed class EasyReadEmailsTests
{
    private static readonly DateTime Now = new(2026, 11, 30, 9, 15, 0, DateTimeKind.Utc);

    private sealed class CapturingOutbox : IEmailOutbox
    {
        public List<(EmailMessage Message, string? Document)> Added { get; } = [];

        public List<string> NotEmailable { get; } = [];

        public void Add(EmailMessage message, EmailAbout? about = null, string? attachDocument = null) => Added.Add((message, attachDocument));

        public void AddNotEmailable(string subject, string textBody, EmailAbout about) => NotEmailable.Add(textBody);
    }

    private static PublicLinks Links()
    {
        var host = new Mock<IWebHostEnvironment>();
        host.Setup(h => h.EnvironmentName).Returns(Environments.Production);
        var server = new Mock<IServer>();
        server.Setup(s => s.Features).Returns(new FeatureCollection());
        return new PublicLinks(Options.Create(new PortalOptions { PublicBaseUrl = "https://coproduce.example.gov.uk" }), host.Object, server.Object);
    }

    private static ActivityNotifier Notifier(CapturingOutbox outbox) =>
        new(outbox, Links(), Options.Create(new EmailOptions()), TimeProvider.System);

    private static Activity Workshop(ActivityMode mode = ActivityMode.InPerson)
    {
        var activity = new Activity(1, "Short breaks workshop", ActivityType.Workshop, "About short breaks",
            new ActivitySchedule(new DateOnly(2027, 3, 2), new TimeOnly(10, 0), new TimeOnly(12, 30), new DateOnly(2027, 2, 23)),
            new ActivityPlace(mode, mode == ActivityMode.Online ? null : "Brackenfield Library", "Step-free", mode == ActivityMode.InPerson ? null : "Join the call at https://meet.example.org/42"),
            6, [], LadderRung.CoProduction, false, "organiser", Now);
        typeof(Activity).GetProperty(nameof(Activity.Id))!.SetValue(activity, 42);
        return activity;
    }

    private static ExpertProfile Person(bool easyRead, string? email = "sam@example.org")
    {
        var person = new ExpertProfile("user-1", "Sam", email ?? "sam@example.org", Now);
        typeof(ExpertProfile).GetProperty(nameof(ExpertProfile.Id))!.SetValue(person, 7);
        person.GiveConsent("2026-11", Now);
        person.SetAccessNeeds(easyRead ? [AccessNeed.EasyRead, AccessNeed.QuietSpace] : [AccessNeed.QuietSpace], null, null, Now);
        if (email is null)
        {
            person.SetContact("Sam", null, "07700 900123", ContactMethod.TextMessage, Now);
        }
        return person;
    }

    /// <summary>Every email an expert can get about an activity, and whether it carries the easy-read invitation.</summary>
    public static TheoryData<string, bool> Kinds => new()
    {
        { "confirmed", true }, { "waiting", false }, { "offered", false }, { "declined", false },
        { "changed", true }, { "cancelled", false }, { "invited", true }, { "reminder", true },
    };

    private static void Send(ActivityNotifier notifier, string kind, ExpertProfile person, Activity activity)
    {
        _ = kind switch
        {
            "confirmed" => notifier.EnqueueConfirmed(person, activity, null),
            "waiting" => notifier.EnqueueWaitingList(person, activity),
            "offered" => notifier.EnqueuePlaceOffered(person, activity),
            "declined" => notifier.EnqueueDeclined(person, activity, "This one is for carers."),
            "changed" => notifier.EnqueueChanged(person, activity),
            "cancelled" => notifier.EnqueueCancelled(person, activity, hadPlace: true),
            "invited" => notifier.EnqueueInvited(person, activity, null),
            "reminder" => notifier.EnqueueReminder(person, activity),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    [Fact]
    public void EveryEmailSentence_PassesThePlainEnglishChecker()
    {
        var resources = new ResourceManager("CoProduce.Web.Features.EasyRead.Resources.EasyReadText", typeof(EasyReadWords).Assembly);
        var set = resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!;
        var emails = set.Cast<DictionaryEntry>().Where(e => ((string)e.Key).StartsWith("Email_", StringComparison.Ordinal)).ToList();

        Assert.True(emails.Count > 40, $"Only {emails.Count} Email_ keys were found.");
        Assert.All(emails, e => Assert.True(PlainEnglishChecker.Check((string)e.Value!).Count == 0,
            $"{e.Key}: " + string.Join("; ", PlainEnglishChecker.Check((string)e.Value!).Select(w => w.Suggestion))));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EasyReadPerson_GetsEasyReadWords_WithTheInvitationWhereThereIsOne(string kind, bool withInvitation)
    {
        var outbox = new CapturingOutbox();

        Send(Notifier(outbox), kind, Person(easyRead: true), Workshop());

        var (message, document) = Assert.Single(outbox.Added);
        Assert.Equal(withInvitation ? "invitation/42/7" : null, document);
        var lines = message.TextBody.Split('\n');
        Assert.Equal("Hello Sam.", lines[0]);
        Assert.Equal("From CoProduce", lines[^1]);
        Assert.Contains("What: Short breaks workshop", lines);
        Assert.Equal(withInvitation, lines.Contains("We have put an easy read copy with this email."));
        Assert.Contains(lines, l => l.EndsWith("https://coproduce.example.gov.uk/" + (kind == "invited" ? "my-involvement" : "activities/42"), StringComparison.Ordinal));
        // Each line is one short plain sentence or one fact; the organiser's own words are theirs.
        Assert.All(lines.Where(l => l.Length > 0 && l != "This one is for carers." && !l.StartsWith("What: ", StringComparison.Ordinal)),
            line => Assert.True(PlainEnglishChecker.Sentences(line).Count() == 1 && PlainEnglishChecker.Check(line.Split(": http")[0]).Count == 0, line));
        if (kind is not ("cancelled"))
        {
            Assert.Contains("Date: Tuesday 2 March 2027", lines);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void PersonWithoutEasyRead_GetsTheUsualEmail_AndNoDocument(string kind, bool withInvitation)
    {
        _ = withInvitation;
        var outbox = new CapturingOutbox();

        Send(Notifier(outbox), kind, Person(easyRead: false), Workshop());

        var (message, document) = Assert.Single(outbox.Added);
        Assert.Null(document);
        Assert.StartsWith("Hello Sam,\n\n", message.TextBody, StringComparison.Ordinal);
        Assert.EndsWith("\n\nCoProduce", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("easy read", message.TextBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void EasyReadPersonWithNoEmailAddress_TheOrganiserGetsTheEasyReadWordsToPassOn()
    {
        var outbox = new CapturingOutbox();

        Assert.False(Notifier(outbox).EnqueueInvited(Person(easyRead: true, email: null), Workshop(), null));

        Assert.Empty(outbox.Added);
        var message = Assert.Single(outbox.NotEmailable);
        Assert.StartsWith("Hello Sam.", message, StringComparison.Ordinal);
        // There is no email for a copy to go with.
        Assert.DoesNotContain("easy read copy", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hello.\n\nWe have put an easy read copy with this email.\n\nFrom CoProduce", "Hello.\n\nFrom CoProduce")]
    [InlineData("Hello.\n\nWe will send a calendar date.\nWe have put an easy read copy with this email.\n\nBye", "Hello.\n\nWe will send a calendar date.\n\nBye")]
    [InlineData("Hello.\n\nNothing attached.", "Hello.\n\nNothing attached.")]
    public void WithoutDocumentNote_TakesOutOnlyTheSentenceAboutTheCopy(string text, string expected) =>
        Assert.Equal(expected, EasyReadEmails.WithoutDocumentNote(text));

    [Theory]
    [InlineData(ActivityMode.InPerson, true, "Place: Brackenfield Library", null)]
    [InlineData(ActivityMode.Online, true, "Place: online.", "How to join online: Join the call at https://meet.example.org/42")]
    [InlineData(ActivityMode.Online, false, "Place: online.", null)]
    [InlineData(ActivityMode.Hybrid, true, "Place: Brackenfield Library. You can also join online.", "How to join online: Join the call at https://meet.example.org/42")]
    [InlineData(ActivityMode.Hybrid, false, "Place: Brackenfield Library. You can also join online.", null)]
    public void Place_SaysHowToJoinOnlyOnceThePlaceIsConfirmed(ActivityMode mode, bool confirmed, string place, string? howToJoin)
    {
        var outbox = new CapturingOutbox();
        var notifier = Notifier(outbox);

        _ = confirmed ? notifier.EnqueueConfirmed(Person(true), Workshop(mode), null) : notifier.EnqueueInvited(Person(true), Workshop(mode), null);

        var lines = Assert.Single(outbox.Added).Message.TextBody.Split('\n');
        Assert.Contains(place, lines);
        Assert.Equal(howToJoin, lines.SingleOrDefault(l => l.StartsWith("How to join", StringComparison.Ordinal)));
    }

    [Fact]
    public void ClaimQuestion_KeepsFinancesWords_AndLinksToTheClaim()
    {
        var email = new EasyReadEmails(Links()).ClaimQuestion("Sam", "Short breaks workshop", 9, "Was the £12.50 for one meal or two?");

        Assert.Equal("A question about your claim: Short breaks workshop", email.Subject);
        var lines = email.Body.Split('\n');
        Assert.Contains("Was the £12.50 for one meal or two?", lines);
        Assert.Contains("Your claim: https://coproduce.example.gov.uk/my-payments/claims/9", lines);
    }
}
