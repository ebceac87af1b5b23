using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Payments;

/// <summary>
/// Changes the payment settings (the welfare-rights advice people are pointed to, and the amount
/// above which a claim needs a second approver) through <see cref="PaymentSettings.Change"/>, with
/// the audit entry (PaymentSettingsChanged) in the same save.
/// </summary>
public sealed class PaymentSettingsService(CoProduceDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Returns the problems by field, or none when saved. A change saved by someone else since the
    /// form was opened is not overwritten: the save fails on the settings' version.
    /// </summary>
    public async Task<IReadOnlyList<BenefitLimitsProblem>> ChangeAsync(string? adviceName, string? adviceLink, Money secondApprovalAbove, Guid? editedVersion,
        string userId, CancellationToken cancellationToken)
    {
        var problems = PaymentSettings.Check(adviceName, adviceLink, secondApprovalAbove);
        if (problems.Count > 0)
        {
            return problems;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = await db.PaymentSettings.SingleAsync(cancellationToken);
        if (editedVersion is { } version)
        {
            db.Entry(settings).Property(s => s.Version).OriginalValue = version;
        }
        var before = Describe(settings);
        settings.Change(adviceName!, adviceLink!, secondApprovalAbove, userId, now);
        db.AuditEntries.Add(new AuditEntry(AuditSubject.PaymentSettings(), null, AuditActions.PaymentSettingsChanged,
            "Payment settings changed.", userId, now, before, Describe(settings)));
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    private static string Describe(PaymentSettings s) =>
        $"advice {s.WelfareRightsAdviceName} {s.WelfareRightsAdviceLink}; second approval above {s.SecondApprovalAbove.Pence}p";
}
