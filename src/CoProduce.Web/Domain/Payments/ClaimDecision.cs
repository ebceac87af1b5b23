using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Domain.Payments;

/// <summary>What happened to a claim at one step of its history.</summary>
public enum ClaimStep { Created, Changed, Submitted, Queried, Approved, Rejected, Batched, Paid }

/// <summary>
/// One step in a claim's history: who did what, when, with the claim's total at that moment and
/// why (a reason, a question, an answer or what changed). Entries are only ever added, so the
/// history is the record of every decision; the service that makes a change audits its latest entry.
/// </summary>
public sealed class ClaimDecision
{
    public const int NoteMaxLength = 2000;

    private ClaimDecision()
    {
    }

    internal ClaimDecision(int number, ClaimStep step, string byUserId, DateTime atUtc, Money total, string? note)
    {
        Number = number;
        Step = step;
        ByUserId = byUserId;
        AtUtc = atUtc;
        Total = total;
        Note = note;
    }

    /// <summary>The entry's place in the claim's history: 1 for the first, and so on.</summary>
    public int Number { get; private set; }

    public ClaimStep Step { get; private set; }
    public string ByUserId { get; private set; } = string.Empty;
    public DateTime AtUtc { get; private set; }

    /// <summary>The claim's total just after this step.</summary>
    public Money Total { get; private set; }

    public string? Note { get; private set; }
}
