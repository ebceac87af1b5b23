using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Budget;

/// <summary>The co-production lead sets the annual co-production budget, audited with the amount before and after.</summary>
public sealed class BudgetService(CoProduceDbContext db, TimeProvider clock)
{
    public const string SetMeanwhile = "Someone else has just set this year's budget. The page now shows their amount: set it again if yours should stand.";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Sets the budget for the financial year starting in April of <paramref name="startYear"/>. Returns why not, or null when saved.</summary>
    public async Task<string?> SetAsync(int startYear, Money amount, string userId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var budget = await db.CoProductionBudgets.SingleOrDefaultAsync(b => b.StartYear == startYear, cancellationToken);
        var before = budget?.Amount.ToString();
        try
        {
            if (budget is null)
            {
                budget = new CoProductionBudget(startYear, amount, userId, Now);
                db.CoProductionBudgets.Add(budget);
            }
            else
            {
                budget.Set(amount, userId, Now);
            }
        }
        catch (PaymentRuleException refused)
        {
            db.ChangeTracker.Clear();
            return refused.Message;
        }
        db.AuditEntries.Add(new AuditEntry(AuditSubject.CoProductionBudget(startYear), null, AuditActions.BudgetSet,
            $"Co-production budget for {BudgetPages.YearName(startYear)} set.", userId, Now, before, budget.Amount.ToString()));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            // Another lead saved the same year's budget first (its version moved, or its row now exists).
            db.ChangeTracker.Clear();
            return SetMeanwhile;
        }
    }
}
