using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Domain.Payments;

/// <summary>
/// The co-production lead's payment settings, one set for the council: where people get
/// independent welfare-rights advice, and the amount above which a claim needs two approvers.
/// </summary>
public sealed class PaymentSettings : IConcurrencyVersioned
{
    public const int TheOneId = 1;
    public const int AdviceNameMaxLength = 200;
    public const int AdviceLinkMaxLength = 500;

    private PaymentSettings()
    {
    }

    public PaymentSettings(string adviceName, string adviceLink, Money secondApprovalAbove, DateTime nowUtc)
    {
        Id = TheOneId;
        Change(adviceName, adviceLink, secondApprovalAbove, "system", nowUtc);
    }

    public int Id { get; private set; }

    /// <summary>Who gives the advice, as people read it: "Citizens Advice Anyshire".</summary>
    public string WelfareRightsAdviceName { get; private set; } = string.Empty;

    public string WelfareRightsAdviceLink { get; private set; } = string.Empty;

    /// <summary>A claim for more than this needs a second, different approver.</summary>
    public Money SecondApprovalAbove { get; private set; }

    public string UpdatedByUserId { get; private set; } = string.Empty;
    public DateTime UpdatedUtc { get; private set; }
    public Guid Version { get; set; }

    public ApprovalRules ApprovalRules => new(SecondApprovalAbove);

    public static IReadOnlyList<BenefitLimitsProblem> Check(string? adviceName, string? adviceLink, Money secondApprovalAbove)
    {
        var problems = new List<BenefitLimitsProblem>();
        var name = adviceName?.Trim() ?? string.Empty;
        if (name.Length == 0 || name.Length > AdviceNameMaxLength)
        {
            problems.Add(new(nameof(WelfareRightsAdviceName), $"Enter who gives welfare-rights advice, in up to {AdviceNameMaxLength} characters"));
        }
        var link = adviceLink?.Trim() ?? string.Empty;
        if (link.Length > AdviceLinkMaxLength || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add(new(nameof(WelfareRightsAdviceLink), "Enter the advice link as a web address starting with https://"));
        }
        if (secondApprovalAbove.IsNegative)
        {
            problems.Add(new(nameof(SecondApprovalAbove), "Enter an amount of £0 or more"));
        }
        return problems;
    }

    public void Change(string adviceName, string adviceLink, Money secondApprovalAbove, string byUserId, DateTime nowUtc)
    {
        var problems = Check(adviceName, adviceLink, secondApprovalAbove);
        if (problems.Count > 0)
        {
            throw new PaymentRuleException(string.Join(". ", problems.Select(p => p.Message)) + ".");
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(byUserId);
        WelfareRightsAdviceName = adviceName.Trim();
        WelfareRightsAdviceLink = adviceLink.Trim();
        SecondApprovalAbove = secondApprovalAbove;
        UpdatedByUserId = byUserId;
        UpdatedUtc = nowUtc;
    }
}

/// <summary>
/// The co-production budget agreed for one financial year (1 April to 31 March), named by the
/// calendar year it starts in: 2026 is April 2026 to March 2027.
/// </summary>
public sealed class CoProductionBudget : IConcurrencyVersioned
{
    private CoProductionBudget()
    {
    }

    public CoProductionBudget(int startYear, Money amount, string byUserId, DateTime nowUtc)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startYear, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startYear, 2100);
        StartYear = startYear;
        Set(amount, byUserId, nowUtc);
    }

    public int Id { get; private set; }
    public int StartYear { get; private set; }
    public Money Amount { get; private set; }
    public string UpdatedByUserId { get; private set; } = string.Empty;
    public DateTime UpdatedUtc { get; private set; }
    public Guid Version { get; set; }

    public DateOnly FirstDay => new(StartYear, 4, 1);
    public DateOnly LastDay => new(StartYear + 1, 3, 31);

    /// <summary>The financial year a UK date falls in, by its start year.</summary>
    public static int StartYearOf(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    public void Set(Money amount, string byUserId, DateTime nowUtc)
    {
        if (amount.IsNegative)
        {
            throw new PaymentRuleException("Enter a budget of £0 or more.");
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(byUserId);
        Amount = amount;
        UpdatedByUserId = byUserId;
        UpdatedUtc = nowUtc;
    }
}
