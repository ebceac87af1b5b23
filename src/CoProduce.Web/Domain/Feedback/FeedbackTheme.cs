using CoProduce.Web.Domain.Common;

namespace CoProduce.Web.Domain.Feedback;

/// <summary>The honest kinds of answer to a theme ("you said, we did").</summary>
public enum ResponseKind
{
    /// <summary>Something has changed already.</summary>
    WeDid = 1,

    /// <summary>Something will change, by a date.</summary>
    WeWillDo = 2,

    /// <summary>It cannot change, and why (a statutory duty, the budget).</summary>
    WeCannotDo = 3,
}

public static class ResponseKinds
{
    public static string Describe(this ResponseKind kind) => kind switch
    {
        ResponseKind.WeDid => "We did",
        ResponseKind.WeWillDo => "We will do",
        ResponseKind.WeCannotDo => "We cannot do",
        _ => kind.ToString(),
    };
}

/// <summary>A theme's answer: what kind, what in words, and by when for "we will do".</summary>
public sealed record ThemeResponse(ResponseKind Kind, string Text, DateOnly? By);

public sealed record ResponseProblem(string Field, string Message);

/// <summary>What makes an answer honest enough to publish.</summary>
public static class ResponseRules
{
    public const int TextMaxLength = 2000;

    public static IReadOnlyList<ResponseProblem> Check(ResponseKind? kind, string? text, DateOnly? by, DateOnly today)
    {
        var problems = new List<ResponseProblem>();
        if (kind is null || !Enum.IsDefined(kind.Value))
        {
            problems.Add(new("Kind", "Select what kind of answer this is: we did, we will do, or we cannot do"));
            return problems;
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new("Text", kind switch
            {
                ResponseKind.WeDid => "Enter what we did",
                ResponseKind.WeWillDo => "Enter what we will do",
                _ => "Enter why we cannot do it, such as a legal duty or the budget",
            }));
        }
        else if (text.Trim().Length > TextMaxLength)
        {
            problems.Add(new("Text", $"The answer must be {TextMaxLength} characters or fewer"));
        }
        if (kind == ResponseKind.WeWillDo)
        {
            if (by is null)
            {
                problems.Add(new("By", "Enter the date we will do it by"));
            }
            else if (by.Value <= today)
            {
                problems.Add(new("By", "The date we will do it by must be in the future"));
            }
        }
        return problems;
    }
}

/// <summary>
/// A group of feedback items that say the same thing, with what the commissioner understood about
/// it (root causes, what success would look like) and the council's answer. Publishing copies the
/// answer into the published columns, so the public page shows what was published, not a draft.
/// </summary>
public sealed class FeedbackTheme : IConcurrencyVersioned
{
    public const int NameMaxLength = 200;
    public const int TextMaxLength = 2000;

    private FeedbackTheme()
    {
    }

    public FeedbackTheme(int projectId, string name, string createdByUserId, DateTime nowUtc, int? carriedFromThemeId = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(projectId, 1);
        ProjectId = projectId;
        CreatedByUserId = createdByUserId;
        CreatedUtc = nowUtc;
        CarriedFromThemeId = carriedFromThemeId;
        Rename(name, nowUtc);
    }

    public int Id { get; private set; }
    public int ProjectId { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public string? RootCauses { get; private set; }
    public string? SuccessLooksLike { get; private set; }

    public ResponseKind? ResponseKind { get; private set; }
    public string? ResponseText { get; private set; }
    public DateOnly? ResponseBy { get; private set; }

    public ResponseKind? PublishedKind { get; private set; }
    public string? PublishedText { get; private set; }
    public DateOnly? PublishedBy { get; private set; }
    public DateTime? PublishedUtc { get; private set; }

    /// <summary>The theme of the previous cycle this one carries forward, if any.</summary>
    public int? CarriedFromThemeId { get; private set; }

    /// <summary>Set when the theme was merged into another: its items moved there, and it is no longer shown.</summary>
    public int? MergedIntoThemeId { get; private set; }

    public string CreatedByUserId { get; private set; } = string.Empty;
    public DateTime CreatedUtc { get; private set; }
    public DateTime UpdatedUtc { get; private set; }
    public Guid Version { get; set; }

    public ThemeResponse? Response => ResponseKind is { } kind ? new ThemeResponse(kind, ResponseText ?? string.Empty, ResponseBy) : null;

    public ThemeResponse? Published => PublishedKind is { } kind ? new ThemeResponse(kind, PublishedText ?? string.Empty, PublishedBy) : null;

    /// <summary>An answer exists that differs from the published one (or nothing is published yet).</summary>
    public bool HasUnpublishedResponse => Response is { } response && response != Published;

    public bool IsMerged => MergedIntoThemeId is not null;

    public void Rename(string name, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        name = name.Trim();
        ArgumentOutOfRangeException.ThrowIfGreaterThan(name.Length, NameMaxLength, nameof(name));
        Name = name;
        UpdatedUtc = nowUtc;
    }

    /// <summary>Records the Understand and Identify success steps of Working Together for Change.</summary>
    public void Understand(string? rootCauses, string? successLooksLike, DateTime nowUtc)
    {
        RootCauses = Tidy(rootCauses);
        SuccessLooksLike = Tidy(successLooksLike);
        UpdatedUtc = nowUtc;
    }

    /// <summary>Saves the answer after <see cref="ResponseRules.Check"/>; throws when it does not pass.</summary>
    public void Respond(ResponseKind kind, string text, DateOnly? by, DateOnly today, DateTime nowUtc)
    {
        var problems = ResponseRules.Check(kind, text, by, today);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems.Select(p => p.Message)));
        }
        ResponseKind = kind;
        ResponseText = text.Trim();
        ResponseBy = kind == Feedback.ResponseKind.WeWillDo ? by : null;
        UpdatedUtc = nowUtc;
    }

    /// <summary>Makes the current answer the published one. Returns false when there is nothing new to publish.</summary>
    public bool Publish(DateTime nowUtc)
    {
        if (!HasUnpublishedResponse)
        {
            return false;
        }
        PublishedKind = ResponseKind;
        PublishedText = ResponseText;
        PublishedBy = ResponseBy;
        PublishedUtc = nowUtc;
        UpdatedUtc = nowUtc;
        return true;
    }

    /// <summary>Marks this theme as merged into another; the caller moves its items.</summary>
    public void MergeInto(FeedbackTheme other, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Id == Id || other.ProjectId != ProjectId || other.IsMerged || IsMerged)
        {
            throw new InvalidOperationException("A theme can only be merged into another live theme of the same project.");
        }
        if (PublishedUtc is not null)
        {
            throw new InvalidOperationException("A theme whose answer has been published cannot be merged: people have been told about it.");
        }
        MergedIntoThemeId = other.Id;
        // Keep what was understood: the merged theme's root causes join the other's.
        other.Understand(Join(other.RootCauses, RootCauses), Join(other.SuccessLooksLike, SuccessLooksLike), nowUtc);
        UpdatedUtc = nowUtc;
    }

    private static string? Join(string? a, string? b) =>
        string.IsNullOrWhiteSpace(b) ? a : string.IsNullOrWhiteSpace(a) ? b : Tidy(a + "\n\n" + b);

    private static string? Tidy(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        text = text.Trim();
        return text.Length > TextMaxLength ? text[..TextMaxLength] : text;
    }
}
