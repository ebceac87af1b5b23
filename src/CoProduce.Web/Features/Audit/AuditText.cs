using System.Globalization;
using System.Reflection;
using System.Text;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Features.EasyRead;

namespace CoProduce.Web.Features.Audit;

/// <summary>
/// How the audit log reads to a person: actions and subjects in plain words, and the page each
/// subject has, if any. A link is shown only where the reader's own pages hold the record: finance
/// officers' claim and batch pages are linked only for someone who is also a finance officer.
/// </summary>
public static class AuditText
{
    /// <summary>Every action the log records, in the order the code lists them.</summary>
    public static readonly IReadOnlyList<string> Actions = typeof(AuditActions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    public static readonly IReadOnlyList<AuditSubjectType> SubjectTypes = Enum.GetValues<AuditSubjectType>();

    /// <summary>An action as a person reads it: its plain words, or a clearer name where the plain words would mislead.</summary>
    public static string Action(string action) => action switch
    {
        AuditActions.SpecialCategoryViewed => "Special category data seen",
        _ => Plain(action),
    };

    /// <summary>"StageMoved" reads "Stage moved"; "BatchCreated" reads "Batch created".</summary>
    public static string Plain(string name)
    {
        var words = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c))
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(c);
            }
        }
        return words.ToString();
    }

    /// <summary>"Project 12", "Rule set 3", "Staff account".</summary>
    public static string Subject(AuditSubjectType type, string id) => type switch
    {
        // A staff account's id is a long user id: the name of the person is shown instead, by the page.
        AuditSubjectType.StaffAccount => "Staff account",
        AuditSubjectType.PaymentSettings => "Payment settings",
        AuditSubjectType.RuleSet => $"Rule set version {id}",
        AuditSubjectType.ExpensesPolicy => $"Expenses policy version {id}",
        AuditSubjectType.CoProductionBudget when int.TryParse(id, out var year) => $"Co-production budget {year}/{(year + 1) % 100:D2}",
        AuditSubjectType.EasyReadTemplate => $"Easy-read template: {Plain(id).ToLowerInvariant()}",
        AuditSubjectType.RetentionRun => "Retention policy run",
        _ => $"{Plain(type.ToString())} {id}",
    };

    /// <summary>The page that shows the subject, or null where there is none the reader may open.</summary>
    public static string? Href(AuditSubjectType type, string id, int? projectId, bool readerIsFinance)
    {
        var number = int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : (int?)null;
        return type switch
        {
            AuditSubjectType.Project when number is { } p => $"/projects/{p}",
            AuditSubjectType.Activity when number is { } a => $"/manage/activities/{a}",
            AuditSubjectType.Exception when number is { } e => $"/exceptions/{e}",
            AuditSubjectType.RuleSet => "/rules",
            AuditSubjectType.StaffAccount => $"/admin/staff/{Uri.EscapeDataString(id)}/roles",
            AuditSubjectType.Claim when number is { } c && readerIsFinance => $"/finance/claims/{c}",
            AuditSubjectType.PaymentBatch when number is { } b && readerIsFinance => $"/finance/batches/{b}",
            AuditSubjectType.RateItem when number is { } r => $"/payments/rates/{r}",
            AuditSubjectType.ExpensesPolicy => "/payments/expenses",
            AuditSubjectType.BenefitLimits => "/payments/benefit-limits",
            AuditSubjectType.PaymentSettings => "/payments/settings",
            AuditSubjectType.CoProductionBudget when number is { } y => $"/payments/budget?year={y}",
            AuditSubjectType.EasyReadTemplate when Enum.TryParse<Domain.EasyRead.EasyReadDocumentKind>(id, out var kind) && Enum.IsDefined(kind)
                => $"/easy-read/templates/{EasyReadTemplateNames.Slug(kind)}/check",
            AuditSubjectType.FeedbackTheme when number is { } t && projectId is { } tp => $"/projects/{tp}/feedback/themes/{t}",
            AuditSubjectType.RetentionRun => "/retention",
            // Sign-ups, profiles, payment details and notes of what people said have no page for staff to open from here.
            _ => null,
        };
    }

    /// <summary>The address of a subject's full history in the audit log.</summary>
    public static string HistoryOf(AuditSubject subject) =>
        $"/audit?subject={subject.Type}&id={Uri.EscapeDataString(subject.Id)}";
}
