using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Domain.Commissioning;

/// <summary>
/// A service being commissioned, and its tender. The tier rules, requirements, evidence and
/// stage history arrive with the commissioning feature; this is the part every page needs.
/// </summary>
public class CommissioningProject : IConcurrencyVersioned
{
    public const int TitleMaxLength = 200;
    public const int ServiceAreaMaxLength = 100;
    public const int SummaryMaxLength = 2000;

    private CommissioningProject()
    {
    }

    public CommissioningProject(string title, string serviceArea, string summary, string ownerId, decimal estimatedValue, bool isKeyDecision, DateTime createdUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerId);
        ArgumentOutOfRangeException.ThrowIfNegative(estimatedValue);
        Title = title;
        ServiceArea = serviceArea;
        Summary = summary;
        OwnerId = ownerId;
        EstimatedValue = estimatedValue;
        IsKeyDecision = isKeyDecision;
        Stage = CommissioningStage.Analyse;
        CreatedUtc = createdUtc;
        UpdatedUtc = createdUtc;
    }

    public int Id { get; private set; }
    public string Title { get; private set; } = string.Empty;
    public string ServiceArea { get; private set; } = string.Empty;
    public string Summary { get; private set; } = string.Empty;
    public string OwnerId { get; private set; } = string.Empty;

    /// <summary>Estimated whole-life contract value in pounds, including extensions.</summary>
    public decimal EstimatedValue { get; private set; }

    public bool IsKeyDecision { get; private set; }
    public CommissioningStage Stage { get; private set; }
    public DateTime CreatedUtc { get; private set; }
    public DateTime UpdatedUtc { get; private set; }
    public Guid Version { get; set; }

    public void Rename(string title, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Title = title;
        UpdatedUtc = nowUtc;
    }

    /// <summary>Moves a seeded or migrated project straight to a stage (demo data only).</summary>
    internal void SetStageForDemo(CommissioningStage stage) => Stage = stage;
}
