using FluentValidation;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CoProduce.Web.Features.Retention;

/// <summary>The lead confirms that they understand what a run deletes.</summary>
public sealed class RetentionRunForm
{
    public bool Understood { get; set; }

    public static IEnumerable<SelectListItem> Choices =>
        [new("I understand this deletes the personal information listed on this page, and that it cannot be undone", "true")];
}

public sealed class RetentionRunFormValidator : AbstractValidator<RetentionRunForm>
{
    public const string NotTickedMessage = "Select that you understand what running the retention policy deletes";

    public RetentionRunFormValidator() => RuleFor(f => f.Understood).Equal(true).WithMessage(NotTickedMessage);
}

/// <summary>Which page of each rule's table to show: ?peoplePage=2&amp;receiptsPage=3. Text, so that nonsense is the first page.</summary>
public sealed class RetentionPageQuery
{
    public string? PeoplePage { get; set; }
    public string? ReceiptsPage { get; set; }
    public string? NotesPage { get; set; }
    public string? BankPage { get; set; }

    public IReadOnlyDictionary<Domain.Retention.RetentionRule, int> Pages => new Dictionary<Domain.Retention.RetentionRule, int>
    {
        [Domain.Retention.RetentionRule.InactivePerson] = Number(PeoplePage),
        [Domain.Retention.RetentionRule.Receipt] = Number(ReceiptsPage),
        [Domain.Retention.RetentionRule.NoteSpeaker] = Number(NotesPage),
        [Domain.Retention.RetentionRule.DeletedPersonsBankDetails] = Number(BankPage),
    };

    private static int Number(string? text) => int.TryParse(text, out var n) ? n : 1;
}
