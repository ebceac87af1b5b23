using CoProduce.Web.Data;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Features.Commissioning;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Public;

/// <summary>
/// "What co-production does my procurement need?": anyone may ask, without signing in. A GET
/// form, so an answer can be linked to: /co-production-rules?value=650000&amp;keyDecision=no.
/// </summary>
[AllowAnonymous]
public sealed class CoProductionRulesController(CoProduceDbContext db) : Controller
{
    [HttpGet("co-production-rules")]
    public async Task<IActionResult> Index(string? value, string? keyDecision, CancellationToken cancellationToken)
    {
        var rules = await db.TierRuleSets.AsNoTracking().OrderByDescending(r => r.Version).FirstAsync(cancellationToken);
        var model = new RulesQuestionModel(value, keyDecision, rules.EffectiveFromUtc, null);
        if (!Request.Query.ContainsKey("value") && !Request.Query.ContainsKey("keyDecision"))
        {
            return View(model); // the blank question, not yet asked
        }

        var error = ValueProblem(value, out var amount);
        if (error is not null)
        {
            ModelState.AddModelError("value", error);
        }
        if (keyDecision is not ("yes" or "no"))
        {
            ModelState.AddModelError("keyDecision", "Select yes if this is a key decision");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(model);
        }
        return View(model with { Answer = TierAssessor.Assess(amount, keyDecision == "yes", rules) });
    }

    private static readonly ValueQuestionValidator ValueValidator = new();

    /// <summary>The same checks and words as every other money field.</summary>
    internal static string? ValueProblem(string? text, out Money amount)
    {
        var result = ValueValidator.Validate(new ValueQuestion(text));
        amount = Money.Zero;
        return result.IsValid && Money.TryParse(text, out amount) ? null : result.Errors[0].ErrorMessage;
    }

    internal sealed record ValueQuestion(string? Value);

    private sealed class ValueQuestionValidator : AbstractValidator<ValueQuestion>
    {
        public ValueQuestionValidator() => RuleFor(q => q.Value).MoneyInPounds("the estimated value");
    }
}

/// <summary>The question, and the answer once asked. The rules themselves stay out of the page: it shows only when they took effect.</summary>
public sealed record RulesQuestionModel(string? Value, string? KeyDecision, DateTime RulesEffectiveFromUtc, TierAssessment? Answer);
