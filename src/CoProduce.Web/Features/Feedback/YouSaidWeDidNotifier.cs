using System.Globalization;
using CoProduce.Web.Data;
using CoProduce.Web.Features.Activities;
using CoProduce.Web.Features.EasyRead;
using CoProduce.Web.Features.EasyRead.Documents;
using CoProduce.Web.Infrastructure.Email;
using CoProduce.Web.Infrastructure.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Feedback;

/// <summary>
/// Tells everyone who took part that "you said, we did" is published: every person who attended
/// an activity of the project that has feedback notes, once each. The email says what changed in
/// a few plain words and links to where they can read it; someone who asked for easy read gets the
/// easy-read words and the easy-read "you said, we did" as a PDF, made when the email is sent.
/// Someone with no email address goes on the organiser's "ring or text" list instead. The caller saves.
/// </summary>
public sealed class YouSaidWeDidNotifier(CoProduceDbContext db, IEmailOutbox outbox, PublicLinks links)
{
    private static readonly CultureInfo Uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Queues the emails; returns how many people are told.</summary>
    public async Task<int> EnqueueAsync(int projectId, string projectTitle, DateOnly? reviewOn, CancellationToken cancellationToken)
    {
        var tookPart = await TookPart.In(db, projectId).AsNoTracking()
            .GroupBy(s => s.ExpertProfileId)
            .Select(g => new { ProfileId = g.Key, ActivityId = g.Max(s => s.ActivityId) })
            .ToListAsync(cancellationToken);
        var ids = tookPart.Select(t => t.ProfileId).ToList();
        // Someone who has withdrawn their consent (or deleted their profile) asked us to stop: they are not written to.
        var people = (await db.ExpertProfiles.AsNoTracking().Where(p => ids.Contains(p.Id) && p.AnonymisedUtc == null).ToListAsync(cancellationToken))
            .Where(p => p.HasConsent).ToList();
        var activityOf = tookPart.ToDictionary(t => t.ProfileId, t => t.ActivityId);
        var link = new Uri(links.To(YouSaidWeDidPaths.Mine(projectId))).AbsoluteUri;
        foreach (var person in people)
        {
            var easyRead = EasyReadEmails.Wanted(person.AccessNeeds);
            var (subject, text) = easyRead ? EasyRead(person.PreferredName, projectTitle, reviewOn, link) : Plain(person.PreferredName, projectTitle, reviewOn, link);
            var about = new EmailAbout(activityOf[person.Id], person.Id);
            var address = person.ContactEmail?.Trim();
            if (string.IsNullOrEmpty(address) || !EmailAddresses.IsSendable(address))
            {
                outbox.AddNotEmailable(subject, EasyReadEmails.WithoutDocumentNote(text), about);
                continue;
            }
            outbox.Add(new EmailMessage(address, subject, text), about,
                easyRead ? AttachableDocumentReference.For(YouSaidWeDidSource.ReferenceKind, projectId) : null);
        }
        return people.Count;
    }

    internal static EmailText Plain(string name, string projectTitle, DateOnly? reviewOn, string link) => new(
        $"You said, we did: {projectTitle}",
        $"Hello {name},\n\n" +
        $"Thank you for taking part in {projectTitle}. We have now published what we did about what you told us: " +
        "what has changed, what will change and by when, and what we cannot change and why.\n\n" +
        $"Read it here (sign in first):\n{link}\n\n" +
        (reviewOn is { } on ? $"We would like to bring the group back together on {on.ToString("dddd d MMMM yyyy", Uk)} to talk about what changed. We will invite you.\n\n" : string.Empty) +
        "CoProduce");

    private static EmailText EasyRead(string name, string projectTitle, DateOnly? reviewOn, string link)
    {
        var words = new EasyReadWords(EasyReadLanguage.English);
        string F(string key, params string[] values) => string.Format(words.Language.Culture, words[key], values);
        var blocks = new List<string>
        {
            F("Email_Hello", name),
            string.Join('\n', F("YouSaid_Intro", projectTitle), words["Email_YouSaid_Told"], words["Email_YouSaid_Now"]),
            string.Join('\n', reviewOn is { } on ? F("YouSaid_BackOn", words.Date(on)) : words["YouSaid_TellYou"], words["Email_Document"]),
            F("Email_YouSaid_Read", link),
            words["Email_From"],
        };
        return new EmailText(F("Email_YouSaid_Subject", projectTitle), string.Join("\n\n", blocks));
    }
}
