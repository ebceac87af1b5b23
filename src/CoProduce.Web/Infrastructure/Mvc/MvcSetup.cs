using CoProduce.Web.Infrastructure.Background;
using CoProduce.Web.Features.Feedback;
using FluentValidation;
using FluentValidation.AspNetCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CoProduce.Web.Infrastructure.Mvc;

internal static class MvcSetup
{
    public static IServiceCollection AddCoProduceMvc(this IServiceCollection services)
    {
        services
            .AddControllersWithViews(options =>
            {
                options.Conventions.Add(new FeatureFolderConvention());
                // A form that cannot be read is answered 400 before the antiforgery check tries to read it.
                options.Filters.Add<UnreadableFormFilter>();
                // Every POST, PUT, PATCH and DELETE must carry an antiforgery token.
                options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                options.Filters.Add(new ConcurrencyConflictFilter());
                // Forms here post MVC names ("Requirements[0].Code"), never jQuery's nested names
                // ("a[b][c]"), and the jQuery readers throw on a name such as "[": take them out.
                options.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
                options.ValueProviderFactories.RemoveType<JQueryQueryStringValueProviderFactory>();
            })
            .AddRazorOptions(options => options.ViewLocationExpanders.Add(new FeatureViewLocationExpander()));

        services.AddRouting(options =>
        {
            options.LowercaseUrls = true;
            options.LowercaseQueryStrings = false;
        });

        // Validators are synchronous shape checks; their errors land in ModelState.
        services.AddFluentValidationAutoValidation();
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
        ValidatorOptions.Global.LanguageManager.Enabled = false;

        services.AddScoped<Features.Account.PasswordLinkSender>();
        services.AddScoped<ViewRenderer>();
        services.AddScoped<Features.EasyRead.EasyReadOutput>();
        services.AddSingleton<Features.EasyRead.PublicPdfCache>();
        services.AddScoped<Features.EasyRead.Documents.ProgrammeDocument>();
        services.AddScoped<Features.EasyRead.Documents.InvitationDocument>();
        services.AddScoped<Features.EasyRead.IAttachableDocument>(provider => provider.GetRequiredService<Features.EasyRead.Documents.InvitationDocument>());
        services.AddScoped<Features.EasyRead.Documents.BookingsDocument>();

        services.AddScoped<Features.EasyRead.Documents.PaymentsDocument>();
        services.AddScoped<Features.EasyRead.Documents.HowWePayDocument>();
        services.AddScoped<Features.EasyRead.Documents.YouSaidWeDidDocument>();
        services.AddFeedback();
        services.AddScoped<Features.EasyRead.Documents.SampleDocuments>();
        services.AddScoped<Features.EasyRead.EasyReadTemplatePages>();
        services.AddScoped<Features.EasyRead.EasyReadTemplateService>();
        services.AddScoped<Features.Account.PasswordSignIn>();
        services.AddScoped<Features.Account.TwoFactorService>();
        services.AddScoped<Features.Account.RegistrationService>();
        services.AddScoped<Features.Commissioning.ProjectService>();
        services.AddScoped<Features.Commissioning.ProjectPages>();
        services.AddScoped<Features.Exceptions.ExceptionPages>();
        services.AddScoped<Features.Rules.RuleSetService>();
        services.AddScoped<Features.Rules.RulePages>();
        services.AddScoped<Features.Admin.StaffAccountService>();
        services.AddScoped<Features.Activities.ActivityNotifier>();
        services.AddScoped<Features.Activities.ActivityService>();
        services.AddScoped<Features.Claims.ClaimEarnings>();
        services.AddScoped<Features.Claims.ClaimService>();
        services.AddScoped<Features.Claims.ClaimPages>();
        services.AddScoped<Features.Organising.ActivityPages>();
        services.AddScoped<Features.Feedback.FeedbackService>();
        services.AddScoped<Features.Feedback.FeedbackPages>();
        services.AddScoped<Features.Participation.ParticipationPages>();
        services.AddScoped<Features.Involvement.InvolvementPages>();
        services.AddScoped<Features.Activities.ReminderSender>();
        services.AddScoped<Features.Profile.ProfileService>();
        services.AddScoped<Features.Finance.FinancePages>();
        services.AddScoped<Features.Finance.ClaimApprovalService>();
        services.AddScoped<Features.Finance.BatchPages>();
        services.AddScoped<Features.Finance.PaymentBatchService>();
        services.AddScoped<Features.Budget.BudgetPages>();
        services.AddScoped<Features.Budget.BudgetService>();
        services.AddScoped<Features.Reports.ReportPages>();
        services.AddScoped<Features.Audit.AuditPages>();
        services.AddScoped<Features.Operations.BackgroundWorkPages>();
        services.AddScoped<Features.Audit.AuditLogService>();
        services.AddScoped<Features.Profile.PaymentDetailsService>();
        services.AddScoped<Features.Statement.StatementPages>();
        services.AddScoped<Features.Ladder.LadderPages>();
        services.AddScoped<Features.NextCycle.NextCycleService>();
        services.AddScoped<Features.CoProductionStatement.CoProductionStatementPages>();
        services.AddScoped<Features.CoProductionStatement.CoProductionStatementService>();
        services.AddScoped<Features.Payments.PaymentPages>();
        services.AddScoped<Features.Payments.RateCardService>();
        services.AddScoped<Features.Payments.ExpensesPolicyService>();
        services.AddScoped<Features.Payments.BenefitLimitsService>();
        services.AddScoped<Features.Payments.PaymentSettingsService>();
        services.AddScheduledJob<Features.Activities.ReminderJob>();
        return services;
    }
}
