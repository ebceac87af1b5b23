using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.EasyRead;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Roster;

namespace CoProduce.Web.Features.EasyRead.Documents;

/// <summary>
/// Each easy-read template filled with made-up content, through the same builders as the real
/// documents, so the lead can show people a template without showing anyone's data. The public
/// programme holds no personal data, so its preview is the programme itself.
/// </summary>
public sealed class SampleDocuments(TimeProvider clock, PaymentsDocument payments, HowWePayDocument howWePay, YouSaidWeDidDocument youSaidWeDid,
    ProgrammeDocument programme, InvitationDocument invitation, BookingsDocument bookings)
{
    private const string AdviceName = "Brackenfield Welfare Rights (sample)";
    private const string AdviceLink = "https://advice.example.org/benefits";

    /// <summary>Every kind has a preview.</summary>
    public static bool Has(EasyReadDocumentKind kind) => Enum.IsDefined(kind);

    /// <summary>The sample, or null for a kind with no preview.</summary>
    public async Task<EasyReadDocument?> BuildAsync(EasyReadDocumentKind kind, CancellationToken cancellationToken)
    {
        var language = EasyReadLanguage.English;
        var today = UkTime.Today(clock);
        return kind switch
        {
            EasyReadDocumentKind.Payments => payments.Build(PaymentsSample(today), language),
            EasyReadDocumentKind.HowWePay => howWePay.Build(HowWePaySample, language),
            EasyReadDocumentKind.YouSaidWeDid => youSaidWeDid.Build(YouSaidWeDidSample(today), language),
            EasyReadDocumentKind.Programme => await programme.BuildAsync(language, 1, cancellationToken),
            EasyReadDocumentKind.Invitation => invitation.Compose(InvitationSample(today), NeedsSample, "£25 an hour, including preparation time", language),
            EasyReadDocumentKind.Bookings => bookings.Compose(BookingsSample(today), 2, language),
            _ => null,
        };
    }

    public static PaymentsContent PaymentsSample(DateOnly today)
    {
        var year = PaymentsDocument.YearFor(null, today);
        // Days in this tax year, even early in April.
        var first = new DateOnly(year, 4, 6);
        DateOnly DaysAgo(int days) => today.AddDays(-days) < first ? first : today.AddDays(-days);
        return new(year, Money.FromPounds(62.50m), Money.FromPounds(40m), 1,
        [
            new PaymentsClaim("Day centres: what works well", DaysAgo(7), Money.FromPounds(25m), ClaimStatus.Draft),
            new PaymentsClaim("Short breaks: help choose new staff", DaysAgo(21), Money.FromPounds(40m), ClaimStatus.Approved),
            new PaymentsClaim("Short breaks: group meeting", DaysAgo(35), Money.FromPounds(62.50m), ClaimStatus.Paid),
        ], 0, AdviceName, AdviceLink);
    }

    /// <summary>An invitation to a made-up workshop, with no real activity's id (0).</summary>
    internal static InvitationDocument.InvitationFacts InvitationSample(DateOnly today) => new(
        0, "Day centres: what works well", "We want to hear what you like about day centres. We also want to hear what could be better.",
        today.AddDays(14), new TimeOnly(10, 0), new TimeOnly(12, 0), ActivityMode.InPerson, "Brackenfield Community Hall, Mill Lane (sample)",
        "There is a ramp at the front door. There is a quiet room.", null, 8, ActivityStatus.Open, true, null, "Sam Example",
        SignUpStatus.Invited, null, null, null, null, false, false);

    internal static readonly RecordedNeeds NeedsSample = new(new HashSet<AccessNeed> { AccessNeed.EasyRead, AccessNeed.SupportWorker }, null, null);

    internal static IReadOnlyList<BookingsDocument.Booking> BookingsSample(DateOnly today) =>
    [
        new(0, "Day centres: what works well", today.AddDays(14), new TimeOnly(10, 0), new TimeOnly(12, 0), ActivityMode.InPerson,
            "Brackenfield Community Hall, Mill Lane (sample)", SignUpStatus.Confirmed),
        new(0, "Short breaks: help choose new staff", today.AddDays(30), new TimeOnly(14, 0), new TimeOnly(15, 30), ActivityMode.Online, null,
            SignUpStatus.Invited),
    ];

    public static readonly HowWePayContent HowWePaySample = new(
    [
        new HowWePayRate(ActivityType.Workshop, "£25 an hour, including preparation time"),
        new HowWePayRate(ActivityType.InterviewPanel, "£60 a half day"),
    ], Money.FromPence(45), AdviceName, AdviceLink);

    public static YouSaidWeDidContent YouSaidWeDidSample(DateOnly today) =>
        new("short breaks for carers", today.AddDays(42),
        [
            new YouSaidWeDidTheme("The forms are too hard to fill in.",
                YouSaidWeDidResponse.Did("We made the forms shorter. We added pictures to them.")),
            new YouSaidWeDidTheme("Meetings start too early in the morning.",
                YouSaidWeDidResponse.WillDo("We will start meetings at 11am.", today.AddDays(30))),
            new YouSaidWeDidTheme("Short breaks should be free for everyone.",
                YouSaidWeDidResponse.CannotDo("We cannot make short breaks free for everyone.",
                    "The money we have is not enough. We will keep the cost as low as we can.")),
        ]);
}
