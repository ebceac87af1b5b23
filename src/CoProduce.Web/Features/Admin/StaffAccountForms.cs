using CoProduce.Web.Features.Account;
using FluentValidation;

namespace CoProduce.Web.Features.Admin;

public sealed class NewStaffAccountForm
{
    public string? DisplayName { get; set; }
    public string? Email { get; set; }
    public List<string> Roles { get; set; } = [];
}

public sealed class NewStaffAccountFormValidator : AbstractValidator<NewStaffAccountForm>
{
    public NewStaffAccountFormValidator()
    {
        RuleFor(f => f.DisplayName)
            .NotEmpty().WithMessage("Enter the person's name")
            .MaximumLength(Data.CoProduceUser.DisplayNameMaxLength).WithMessage("Name must be 100 characters or fewer");
        RuleFor(f => f.Email)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Enter the person's work email address")
            .SendableEmail();
        RuleFor(f => f.Roles)
            .NotEmpty().WithMessage("Select at least one role")
            .Must(roles => roles.All(Infrastructure.Security.Roles.Staff.Contains)).WithMessage("Select roles from the list");
    }
}

public sealed class ChangeRolesForm
{
    /// <summary>From the route, for the form's address; never bound from the form.</summary>
    public string UserId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public List<string> Roles { get; set; } = [];
}

public sealed class ChangeRolesFormValidator : AbstractValidator<ChangeRolesForm>
{
    public ChangeRolesFormValidator() =>
        RuleFor(f => f.Roles)
            .NotEmpty().WithMessage("Select at least one role")
            .Must(roles => roles.All(Infrastructure.Security.Roles.Staff.Contains)).WithMessage("Select roles from the list");
}
