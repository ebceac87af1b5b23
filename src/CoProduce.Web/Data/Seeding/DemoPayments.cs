using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Payments;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Data.Seeding;

/// <summary>
/// The demo's payments: a rate card, an expenses policy, this year's budget, how the demo experts
/// are paid, and three past activities whose attendance gave claims in every state (a draft,
/// one with finance, one queried, one approved, one in a batch waiting to be paid, and paid ones),
/// so finance has a queue and each role can click through payments. All figures are made up.
/// </summary>
internal sealed class DemoPayments(CoProduceDbContext db, BankDetailsProtector protector, Features.Finance.PaymentBatchService batches)
{
    public async Task SeedAsync(IReadOnlyDictionary<string, string> ids, ExpertProfiles people, CommissioningProject carers,
        CommissioningProject peerSupport, DateTime now, CancellationToken cancellationToken)
    {
        var lead = ids["lead@example.org"];
        var organiser = ids["commissioner@example.org"];
        var finance = ids["finance@example.org"];
        var yearAgo = now.AddYears(-1);
        var since = DateOnly.FromDateTime(UkTime.ToUk(yearAgo));

        var card = new RateCard([]);
        var workshopRate = card.NewItem("Workshop or focus group", ActivityType.Workshop, RateKind.PerHour,
            new RateTerms(Money.FromPounds(20m), PaysPreparation: true, PaysTravel: true), since, lead, yearAgo);
        var panelRate = card.NewItem("Interview or evaluation panel", ActivityType.InterviewPanel, RateKind.PerHalfDay,
            new RateTerms(Money.FromPounds(75m)), since, lead, yearAgo);
        card.NewItem("Tender evaluation panel", ActivityType.TenderEvaluationPanel, RateKind.PerFullDay,
            new RateTerms(Money.FromPounds(150m)), since, lead, yearAgo);
        var writingRate = card.NewItem("Co-writing session", ActivityType.MethodStatementCoWriting, RateKind.PerSession,
            new RateTerms(Money.FromPounds(30m)), since, lead, yearAgo);
        var walkRate = card.NewItem("Learning walk", ActivityType.LearningWalk, RateKind.PerHour,
            new RateTerms(Money.FromPounds(20m), PaysTravel: true), since, lead, yearAgo);
        db.RateItems.AddRange(card.Items);
        await db.SaveChangesAsync(cancellationToken);

        // The roster's paid activities pay by the rate for their type.
        var rates = new Dictionary<ActivityType, RateItem>
        {
            [ActivityType.Workshop] = workshopRate,
            [ActivityType.MethodStatementCoWriting] = writingRate,
            [ActivityType.LearningWalk] = walkRate,
        };
        foreach (var activity in await db.Activities.Where(a => a.IsPaid).ToListAsync(cancellationToken))
        {
            if (rates.TryGetValue(activity.Type, out var rate))
            {
                activity.PayBy(rate.Id, now);
            }
        }

        var policy = ExpensesPolicy.Publish([], Money.FromPence(45), [
            new ExpenseRule(ExpenseCategory.PublicTransport, null, ReceiptNeeded: true),
            new ExpenseRule(ExpenseCategory.Mileage, null, ReceiptNeeded: false),
            new ExpenseRule(ExpenseCategory.ReplacementCare, Money.FromPounds(120m), ReceiptNeeded: true),
            new ExpenseRule(ExpenseCategory.SupportWorker, Money.FromPounds(120m), ReceiptNeeded: true),
            new ExpenseRule(ExpenseCategory.Meals, Money.FromPounds(10m), ReceiptNeeded: true),
            new ExpenseRule(ExpenseCategory.Other, Money.FromPounds(50m), ReceiptNeeded: true),
        ], since, lead, yearAgo);
        db.ExpensesPolicies.Add(policy);

        var today = DateOnly.FromDateTime(UkTime.ToUk(now));
        db.CoProductionBudgets.Add(new CoProductionBudget(CoProductionBudget.StartYearOf(today), Money.FromPounds(40_000m), lead, yearAgo));

        // How the demo experts are paid: Jo by voucher (set in the roster seed), Maya and Grace by bank transfer.
        people.Maya.SetPaymentPreference(PaymentPreference.BankTransfer, yearAgo);
        people.Grace.SetPaymentPreference(PaymentPreference.BankTransfer, yearAgo);
        var joDetails = new PaymentDetails(people.Jo.Id, yearAgo);
        joDetails.SetBenefits(BenefitsSituation.Gets(carersAllowance: true), yearAgo);
        var mayaDetails = new PaymentDetails(people.Maya.Id, yearAgo);
        mayaDetails.SetProtectedBankDetails(protector.Protect(BankDetails.Create("M Khan", "30-94-57", "00733445")), yearAgo);
        mayaDetails.SetBenefits(BenefitsSituation.NoBenefits(), yearAgo);
        var graceDetails = new PaymentDetails(people.Grace.Id, yearAgo);
        graceDetails.SetProtectedBankDetails(protector.Protect(BankDetails.Create("G Adeyemi", "20-00-00", "55779911")), yearAgo);
        graceDetails.SetBenefits(BenefitsSituation.Gets(new UniversalCreditDetails(14, hasHousingCosts: true, hasWorkAllowance: true)), yearAgo);
        db.PaymentDetails.AddRange(joDetails, mayaDetails, graceDetails);
        await db.SaveChangesAsync(cancellationToken);

        var listening = await PastActivityAsync(carers.Id, "Carers' breaks: listening session",
            "We listened to carers talk about having a break. We wrote down what you told us. We will use it to plan the new service.",
            ActivityType.Workshop, LadderRung.Consultation, workshopRate, 30,
            new TimeOnly(10, 0), new TimeOnly(12, 0), [people.Jo, people.Maya, people.Grace], organiser, now, cancellationToken);
        var panel = await PastActivityAsync(peerSupport.Id, "Peer support: interview panel for the service manager",
            "You helped choose the new manager of the peer support service. You asked the people who want the job your own questions.",
            ActivityType.InterviewPanel, LadderRung.CoProduction, panelRate, 12,
            new TimeOnly(9, 30), new TimeOnly(13, 0), [people.Maya, people.Grace], organiser, now, cancellationToken);
        var writing = await PastActivityAsync(carers.Id, "Carers' support: co-write the outcomes question",
            "We wrote a question together for companies who want to run carers' support. The question asks what will change for carers.",
            ActivityType.MethodStatementCoWriting, LadderRung.CoDesign, writingRate, 5,
            new TimeOnly(18, 0), new TimeOnly(19, 30), [people.Jo, people.Maya, people.Grace], organiser, now, cancellationToken);

        var claims = new Dictionary<(int Activity, int Person), Claim>();
        foreach (var (activity, rate) in new[] { (listening, workshopRate), (panel, panelRate), (writing, writingRate) })
        {
            foreach (var signUp in activity.SignUps)
            {
                var person = people.All.Single(p => p.Id == signUp.ExpertProfileId);
                var fee = rate.FixFee(activity.Date).For(signUp.TimeGiven).Amount;
                var method = person.PaymentPreference == PaymentPreference.Voucher ? ClaimPaymentMethod.Voucher : ClaimPaymentMethod.BankTransfer;
                var claim = Claim.FromAttendance(new ClaimAttendance(person.Id, activity.Id, signUp.Id, organiser), fee, method, organiser,
                    signUp.AttendanceRecordedUtc!.Value);
                claims[(activity.Id, person.Id)] = claim;
                db.Claims.Add(claim);
            }
        }

        var later = now.AddDays(-1);
        // Paid: Jo's voucher for the listening session; Grace's bus fare and fee, paid in last month's batch.
        var joListening = claims[(listening.Id, people.Jo.Id)];
        joListening.Submit(people.Jo.UserId, now.AddDays(-28));
        joListening.Approve(new Approver(finance, null), new ApprovalRules(PaymentReferenceData.DefaultSecondApprovalAbove), now.AddDays(-27));
        joListening.RecordPaidOutsideBatch(finance, now.AddDays(-26));
        var graceListening = claims[(listening.Id, people.Grace.Id)];
        graceListening.AddExpense(ExpenseCategory.PublicTransport, Money.FromPounds(4.60m), null, people.Grace.UserId, now.AddDays(-29),
            "Bus to the library and back (ticket kept by the driver)");
        graceListening.Submit(people.Grace.UserId, now.AddDays(-28));
        graceListening.Approve(new Approver(finance, null), new ApprovalRules(PaymentReferenceData.DefaultSecondApprovalAbove), now.AddDays(-27));
        // Waiting in a batch: Maya's listening session.
        var mayaListening = claims[(listening.Id, people.Maya.Id)];
        mayaListening.Submit(people.Maya.UserId, now.AddDays(-20));
        mayaListening.Approve(new Approver(finance, null), new ApprovalRules(PaymentReferenceData.DefaultSecondApprovalAbove), now.AddDays(-10));
        // Approved, ready for the next batch: Grace's interview panel.
        var gracePanel = claims[(panel.Id, people.Grace.Id)];
        gracePanel.Submit(people.Grace.UserId, now.AddDays(-10));
        gracePanel.Approve(new Approver(finance, null), new ApprovalRules(PaymentReferenceData.DefaultSecondApprovalAbove), now.AddDays(-3));
        // Queried: Maya's interview panel, with a taxi fare finance asks about.
        var mayaPanel = claims[(panel.Id, people.Maya.Id)];
        mayaPanel.AddExpense(ExpenseCategory.Other, Money.FromPounds(18m), null, people.Maya.UserId, now.AddDays(-9), "Taxi home: the last bus had gone");
        mayaPanel.Submit(people.Maya.UserId, now.AddDays(-9));
        mayaPanel.Query("Please add a photo of the taxi receipt, or tell us if you did not get one.", finance, now.AddDays(-8));
        // With finance: Grace's co-writing session. A draft to finish: Jo's and Maya's.
        claims[(writing.Id, people.Grace.Id)].Submit(people.Grace.UserId, later);
        await db.SaveChangesAsync(cancellationToken);

        var paidBatch = new PaymentBatch([graceListening], finance, now.AddDays(-26));
        db.PaymentBatches.AddRange(paidBatch, new PaymentBatch([mayaListening], finance, now.AddDays(-9)));
        await db.SaveChangesAsync(cancellationToken);
        // Last month's batch went to the payment system and was paid, as finance does it.
        await batches.ExportAsync(paidBatch.Id, finance, cancellationToken);
        await batches.MarkPaidAsync(paidBatch.Id, finance, cancellationToken);
    }

    /// <summary>An activity that took place <paramref name="daysAgo"/> days ago, with these people confirmed and attending.</summary>
    private async Task<Activity> PastActivityAsync(int projectId, string title, string easyRead, ActivityType type, LadderRung rung, RateItem rate, int daysAgo, TimeOnly start, TimeOnly end,
        IReadOnlyList<ExpertProfile> people, string organiser, DateTime now, CancellationToken cancellationToken)
    {
        var planned = now.AddDays(-daysAgo - 21);
        var day = DateOnly.FromDateTime(UkTime.ToUk(now.AddDays(-daysAgo)));
        var activity = new Activity(projectId, title, type, "A past activity in the demo, with attendance recorded.",
            new ActivitySchedule(day, start, end, day.AddDays(-3)),
            new ActivityPlace(ActivityMode.InPerson, "Brackenfield Central Library, Meeting Room 2, Market Street", "Step-free entrance from Market Street.", null),
            8, [LivedExperienceArea.Carer], rung, isPaid: true, organiser, planned);
        activity.PayBy(rate.Id, planned);
        activity.DescribeInEasyRead(easyRead, planned);
        activity.MoveTo(ActivityStatus.Open, planned);
        foreach (var person in people)
        {
            activity.RequestPlace(person.Id, person.HasConsent, string.Empty, planned);
        }
        db.Activities.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var signUp in activity.SignUps)
        {
            activity.Confirm(signUp.Id, true, rate.FixFee(day), planned.AddDays(1));
        }
        var after = now.AddDays(-daysAgo).AddHours(12);
        var minutes = (int)(end - start).TotalMinutes;
        foreach (var signUp in activity.SignUps)
        {
            activity.RecordAttendance(signUp.Id, Attendance.Attended, new TimeGiven(minutes, 30, 40), new SessionNotes(null, null, null), organiser, after);
        }
        activity.MoveTo(ActivityStatus.Completed, after);
        await db.SaveChangesAsync(cancellationToken);
        return activity;
    }
}

/// <summary>The demo experts the payments seed needs.</summary>
internal sealed record ExpertProfiles(ExpertProfile Jo, ExpertProfile Maya, ExpertProfile Grace)
{
    public IReadOnlyList<ExpertProfile> All => [Jo, Maya, Grace];
}
