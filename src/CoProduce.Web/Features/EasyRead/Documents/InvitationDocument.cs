using System.Globalization;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.EasyRead;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Infrastructure.Hosting;
using CoProduce.Web.Infrastructure.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CoProduce.Web.Features.EasyRead.Documents;

/// <summary>
/// One person's invitation to one activity, in easy read: what it is about (the organiser's
/// easy-read summary), when, where or how to join, who will be there, what help they can have
/// (with the needs they told us), what they will be paid, how to say yes or no and who to
/// contact. It is only ever about that person's own sign-up, and never names anyone else taking
/// part. Read in at most four commands, whatever the activity holds.
/// </summary>
public sealed class InvitationDocument(CoProduceDbContext db, IOptions<CouncilOptions> council, PublicLinks links) : IAttachableDocument
{
    public const string ReferenceKind = "invitation";

    public string Kind => ReferenceKind;

    /// <summary>The invitation's page; its PDF is the same address with ".pdf".</summary>
    public static string PagePath(int activityId) => string.Create(CultureInfo.InvariantCulture, $"/my-involvement/activities/{activityId}/invitation");

    /// <summary>
    /// An email's attachment: ids are the activity's and the person's profile's. It leaves out the
    /// needs the person told us about (health and disability), which do not belong in an email.
    /// </summary>
    public Task<EasyReadDocument?> BuildAsync(IReadOnlyList<int> ids, EasyReadLanguage language, CancellationToken cancellationToken) =>
        ids is [var activityId, var profileId] ? BuildAsync(activityId, profileId, language, cancellationToken, withNeeds: false) : Task.FromResult<EasyReadDocument?>(null);

    /// <summary>The signed-in person's own invitation, found from their account; null when they have no sign-up for the activity.</summary>
    public async Task<EasyReadDocument?> ForAccountAsync(int activityId, string userId, EasyReadLanguage language, CancellationToken cancellationToken)
    {
        var profileId = await db.ExpertProfiles.AsNoTracking().Where(p => p.UserId == userId).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken);
        return profileId is { } id ? await BuildAsync(activityId, id, language, cancellationToken) : null;
    }

    /// <summary>The invitation of this person to this activity, or null when they have no sign-up still in play for it.</summary>
    public async Task<EasyReadDocument?> BuildAsync(int activityId, int profileId, EasyReadLanguage language, CancellationToken cancellationToken,
        bool withNeeds = true)
    {
        var facts = await db.SignUps.AsNoTracking()
            .Where(s => s.ActivityId == activityId && s.ExpertProfileId == profileId
                && s.Status != SignUpStatus.Withdrawn && s.Status != SignUpStatus.Declined)
            .Join(db.Activities.Where(a => a.Status != ActivityStatus.Draft), s => s.ActivityId, a => a.Id, (s, a) => new InvitationFacts(
                a.Id, a.Title, a.EasyReadSummary, a.Date, a.StartTime, a.EndTime, a.Mode, a.Venue, a.AccessInformation, a.JoiningInstructions,
                a.Places, a.Status, a.IsPaid, a.RateItemId,
                db.Users.Where(u => u.Id == a.CreatedByUserId).Select(u => u.DisplayName).FirstOrDefault(),
                s.Status, s.FeeRateItemId, s.FeeRateVersion, s.FeeKind, s.FeeAmount, s.FeePaysPreparation, s.FeePaysTravel))
            .SingleOrDefaultAsync(cancellationToken);
        if (facts is null)
        {
            return null;
        }
        var needs = withNeeds
            ? await db.ExpertProfiles.AsNoTracking().Where(p => p.Id == profileId)
                .Select(p => new RecordedNeeds(p.AccessNeeds, p.Language, p.AccessNeedsOther))
                .SingleAsync(cancellationToken)
            : null;
        // Someone with a place is paid the fee fixed for them then; anyone else sees the rate in force on the day.
        var rate = facts.Fee is null && facts.RateItemId is { } rateItemId
            && await db.RateItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == rateItemId, cancellationToken) is { } item
            && item.InForceOn(facts.Date) is { } version
                ? new RateInForce(item, version).Describe()
                : null;

        return Compose(facts, needs, rate, language);
    }

    /// <summary>The document from what was read: also used, with made-up facts, for the lead's preview.</summary>
    internal EasyReadDocument Compose(InvitationFacts facts, RecordedNeeds? needs, string? rate, EasyReadLanguage language)
    {
        var words = new EasyReadWords(language);
        var sections = new List<EasyReadSection>
        {
            new(null, [Opening(facts, words), new EasyReadRow(Picture.Meeting, words.Bold("Invitation_Called", facts.Title))]),
            new(words["Invitation_AboutHeading"], [About(facts, words)]),
            new(words["Invitation_WhenHeading"],
            [
                new EasyReadRow(Picture.Date, words.Bold("Invitation_Date", words.Date(facts.Date))),
                new EasyReadRow(Picture.Time, words.Bold("Invitation_Times", words.Time(facts.StartTime), words.Time(facts.EndTime))),
            ]),
            new(words["Invitation_WhereHeading"], Where(facts, words).ToList()),
            new(words["Invitation_WhoHeading"], Who(facts, words).ToList()),
            new(words["Invitation_HelpHeading"], Help(facts, needs, words).ToList()),
            new(words["Invitation_PayHeading"], [Pay(facts, rate, words)]),
        };
        if (Answer(facts, words) is { } answer)
        {
            sections.Add(answer);
        }
        sections.Add(new EasyReadSection(words["Invitation_ContactHeading"], ContactRows(words, council.Value, facts.Organiser).ToList()));
        return new EasyReadDocument(EasyReadDocumentKind.Invitation, words["Invitation_Title"], language, sections,
            string.Create(CultureInfo.InvariantCulture, $"invitation-{facts.ActivityId}.pdf"));
    }

    /// <summary>Where the person stands, first: what the document means for them.</summary>
    private static EasyReadRow Opening(InvitationFacts facts, EasyReadWords words) => facts.ActivityStatus switch
    {
        ActivityStatus.Cancelled => new EasyReadRow(Picture.Cancelled, words["Invitation_Cancelled"], words["Invitation_CancelledNext"]),
        ActivityStatus.Completed => new EasyReadRow(Picture.ThankYou, words["Invitation_Finished"], words["Invitation_FinishedNext"]),
        _ => facts.Status switch
        {
            SignUpStatus.Invited => new EasyReadRow(Picture.Letter, words["Invitation_Invited"], words["Invitation_InvitedNext"]),
            SignUpStatus.Confirmed => new EasyReadRow(Picture.Yes, words["Invitation_Confirmed"], words["Invitation_ConfirmedNext"]),
            SignUpStatus.Offered => new EasyReadRow(Picture.Announcement, words["Invitation_Offered"], words["Invitation_OfferedNext"]),
            SignUpStatus.WaitingList => new EasyReadRow(Picture.Waiting, words["Invitation_WaitingList"], words["Invitation_WaitingListNext"]),
            _ => new EasyReadRow(Picture.Waiting, words["Invitation_Requested"], words["Invitation_RequestedNext"]),
        },
    };

    private static EasyReadRow About(InvitationFacts facts, EasyReadWords words) =>
        facts.EasyReadSummary is { } summary
            ? new EasyReadRow(facts.Mode == ActivityMode.Online ? Picture.OnlineMeeting : Picture.Meeting,
                PlainEnglishChecker.Sentences(summary).Select(s => (EasyReadSentence)s).ToList())
            : new EasyReadRow(Picture.Question, words["Invitation_NoSummary"], words["Invitation_AskUs"]);

    /// <summary>The place, and how to join online: the joining instructions only for someone whose place is confirmed.</summary>
    private static IEnumerable<EasyReadRow> Where(InvitationFacts facts, EasyReadWords words)
    {
        if (facts.Mode != ActivityMode.Online && facts.Venue is { } venue)
        {
            yield return facts.Mode == ActivityMode.Hybrid
                ? new EasyReadRow(Picture.Place, words.Bold("Invitation_AtVenue", venue), words["Invitation_OnlineToo"])
                : new EasyReadRow(Picture.Place, words.Bold("Invitation_AtVenue", venue));
        }
        if (facts.Mode == ActivityMode.InPerson)
        {
            yield break;
        }
        if (facts.Mode == ActivityMode.Online)
        {
            yield return new EasyReadRow(Picture.OnlineMeeting, words["Invitation_Online"], words["Invitation_OnlineDevices"]);
        }
        var confirmed = facts.Status == SignUpStatus.Confirmed && facts.ActivityStatus is ActivityStatus.Open or ActivityStatus.Closed;
        yield return confirmed && facts.JoiningInstructions is { } joining
            ? new EasyReadRow(Picture.Link, [words["Invitation_HowToJoin"], .. PlainEnglishChecker.Sentences(joining).Select(s => (EasyReadSentence)s)])
            : new EasyReadRow(Picture.Email, words[confirmed ? "Invitation_JoinBefore" : "Invitation_JoinLater"]);
    }

    /// <summary>Who will be there: the organiser, people who use services, and how many places. Never another person's name.</summary>
    private static IEnumerable<EasyReadRow> Who(InvitationFacts facts, EasyReadWords words)
    {
        if (!string.IsNullOrWhiteSpace(facts.Organiser))
        {
            yield return new EasyReadRow(Picture.Council, words.Bold("Invitation_Organiser", facts.Organiser));
        }
        var places = facts.Places.ToString(words.Language.Culture);
        yield return new EasyReadRow(Picture.People, words["Invitation_OthersToo"],
            words.Bold(facts.Places == 1 ? "Invitation_OnePlace" : "Invitation_Places", places));
    }

    /// <summary>The help the activity offers, and what the person told us they need, in plain words.</summary>
    /// <summary>What help there is; and the needs the person told us, unless <paramref name="needs"/> is left out (an email).</summary>
    private static IEnumerable<EasyReadRow> Help(InvitationFacts facts, RecordedNeeds? needs, EasyReadWords words)
    {
        if (facts.AccessInformation is { } access)
        {
            yield return new EasyReadRow(Picture.StepFreeAccess,
                [words["Invitation_PlaceHelp"], .. PlainEnglishChecker.Sentences(access).Select(s => (EasyReadSentence)s)]);
        }
        yield return new EasyReadRow(Picture.Help, words["Invitation_HelpOffer"], words["Invitation_HelpExamples"]);
        yield return new EasyReadRow(Picture.Break, words["Invitation_Breaks"]);
        var mine = needs is null ? [] : NeedWords(needs, words);
        yield return mine.Count == 0
            ? new EasyReadRow(Picture.Writing, words["Invitation_NoNeeds"])
            : new EasyReadRow(Picture.Writing, words.Bold("Invitation_YourNeeds", JoinAnd(mine, words)), words["Invitation_NeedsWrong"]);
    }

    /// <summary>The person's recorded access needs in everyday words, in the order the profile lists them.</summary>
    public static IReadOnlyList<string> NeedWords(RecordedNeeds needs, EasyReadWords words) =>
        needs.AccessNeeds.Order().Select(need => need switch
        {
            AccessNeed.AnotherLanguage when needs.Language is { Length: > 0 } language =>
                string.Format(words.Language.Culture, words["Need_AnotherLanguageNamed"], language),
            _ => words["Need_" + need],
        }).ToList();

    /// <summary>"easy read", "easy read and a quiet room", "easy read, breaks and a quiet room".</summary>
    public static string JoinAnd(IReadOnlyList<string> items, EasyReadWords words) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " " + words["Invitation_And"] + " " + items[^1],
    };

    private static EasyReadRow Pay(InvitationFacts facts, string? rate, EasyReadWords words) =>
        facts.Fee is { } fee ? new EasyReadRow(Picture.Money, words.Bold("Invitation_FeeFixed", fee.Describe()), words["Invitation_Costs"])
        : rate is not null ? new EasyReadRow(Picture.Money, words.Bold("Invitation_Rate", rate), words["Invitation_Costs"])
        : facts.IsPaid ? new EasyReadRow(Picture.Money, words["Invitation_PaidNoRate"], words["Invitation_Costs"])
        : new EasyReadRow(Picture.NoFee, words["Invitation_Unpaid"], words["Invitation_CostsStill"]);

    /// <summary>How to answer: yes or no to an invitation, taking up a place offered, or saying they cannot come. Nothing once it is over.</summary>
    private EasyReadSection? Answer(InvitationFacts facts, EasyReadWords words)
    {
        if (facts.ActivityStatus is not (ActivityStatus.Open or ActivityStatus.Closed))
        {
            return null;
        }
        var phone = words.Bold("Invitation_AnswerPhone", council.Value.ContactPhone);
        return facts.Status switch
        {
            SignUpStatus.Invited => new EasyReadSection(words["Invitation_AnswerHeading"],
                [new EasyReadRow(Picture.Yes, EasyReadSentence.Link(words["Invitation_AnswerOnline"], links.To("/my-involvement")), phone)]),
            SignUpStatus.Offered => new EasyReadSection(words["Invitation_AnswerHeading"],
                [new EasyReadRow(Picture.Yes, EasyReadSentence.Link(words["Invitation_TakePlaceOnline"], links.To($"/activities/{facts.ActivityId}#accept")), phone)]),
            _ => new EasyReadSection(words["Invitation_CannotComeHeading"],
                [new EasyReadRow(Picture.No, words["Invitation_CannotCome"], EasyReadSentence.Link(words["Invitation_SeeOnline"], links.To("/my-involvement")))]),
        };
    }

    /// <summary>Who to contact: the organiser by name, and the council's phone and email.</summary>
    public static IEnumerable<EasyReadRow> ContactRows(EasyReadWords words, CouncilOptions council, string? organiser)
    {
        yield return new EasyReadRow(Picture.Phone, words.Bold("Invitation_Phone", council.ContactPhone));
        yield return new EasyReadRow(Picture.Email, words.Bold("Invitation_Email", council.ContactEmail));
        if (!string.IsNullOrWhiteSpace(organiser))
        {
            yield return new EasyReadRow(Picture.Talking, words.Bold("Invitation_AskFor", organiser));
        }
    }

    internal sealed record InvitationFacts(int ActivityId, string Title, string? EasyReadSummary, DateOnly Date, TimeOnly StartTime, TimeOnly EndTime,
        ActivityMode Mode, string? Venue, string? AccessInformation, string? JoiningInstructions, int Places, ActivityStatus ActivityStatus,
        bool IsPaid, int? RateItemId, string? Organiser, SignUpStatus Status, int? FeeRateItemId, int? FeeRateVersion, RateKind? FeeKind,
        Money? FeeAmount, bool FeePaysPreparation, bool FeePaysTravel)
    {
        /// <summary>The fee fixed when the place was confirmed, as <see cref="SignUp.FixedFee"/> reads it.</summary>
        public FixedFee? Fee => Status == SignUpStatus.Confirmed && FeeRateItemId is { } item && FeeRateVersion is { } version && FeeKind is { } kind && FeeAmount is { } amount
            ? new FixedFee(item, version, kind, amount, FeePaysPreparation, FeePaysTravel)
            : null;
    }
}

/// <summary>What a person told us about their access needs.</summary>
public sealed record RecordedNeeds(IReadOnlySet<AccessNeed> AccessNeeds, string? Language, string? Other);
