namespace CoProduce.Web.Domain.Commissioning;

/// <summary>The four stages of the commissioning cycle, in order.</summary>
public enum CommissioningStage
{
    Analyse = 1,
    Plan = 2,
    Do = 3,
    Review = 4,
}
