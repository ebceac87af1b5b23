using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Domain.Commissioning;
using CoProduce.Web.Domain.Common;
using CoProduce.Web.Domain.Payments;
using CoProduce.Web.Domain.Roster;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Data;

/// <summary>
/// The one database context: Identity, data-protection keys and the domain. Each database
/// provider has a subclass (below) only so that each keeps its own migrations.
/// </summary>
public class CoProduceDbContext : IdentityDbContext<CoProduceUser, IdentityRole, string>, IDataProtectionKeyContext
{
    public CoProduceDbContext(DbContextOptions<CoProduceDbContext> options)
        : base(options)
    {
    }

    protected CoProduceDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<CommissioningProject> CommissioningProjects => Set<CommissioningProject>();

    public DbSet<ProjectRequirement> ProjectRequirements => Set<ProjectRequirement>();

    public DbSet<ExceptionRequest> ExceptionRequests => Set<ExceptionRequest>();

    public DbSet<TierRuleSet> TierRuleSets => Set<TierRuleSet>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ExpertProfile> ExpertProfiles => Set<ExpertProfile>();

    public DbSet<Activity> Activities => Set<Activity>();

    public DbSet<SignUp> SignUps => Set<SignUp>();

    public DbSet<RateItem> RateItems => Set<RateItem>();

    public DbSet<ExpensesPolicy> ExpensesPolicies => Set<ExpensesPolicy>();

    public DbSet<BenefitLimits> BenefitLimits => Set<BenefitLimits>();

    public DbSet<PaymentSettings> PaymentSettings => Set<PaymentSettings>();

    public DbSet<CoProductionBudget> CoProductionBudgets => Set<CoProductionBudget>();

    /// <summary>How each person is paid and which benefit limits apply: apart from the profile, read only by them and finance.</summary>
    public DbSet<PaymentDetails> PaymentDetails => Set<PaymentDetails>();

    public DbSet<Claim> Claims => Set<Claim>();

    public DbSet<PaymentBatch> PaymentBatches => Set<PaymentBatch>();

    /// <summary>What people said at activities (Working Together for Change), and the themes and answers made from it.</summary>
    public DbSet<Domain.Feedback.FeedbackItem> FeedbackItems => Set<Domain.Feedback.FeedbackItem>();

    public DbSet<Domain.Feedback.FeedbackTheme> FeedbackThemes => Set<Domain.Feedback.FeedbackTheme>();

    public DbSet<Domain.Feedback.YouSaidWeDidPublication> YouSaidWeDidPublications => Set<Domain.Feedback.YouSaidWeDidPublication>();

    /// <summary>The easy-read templates, and when each was last checked with people.</summary>
    public DbSet<Domain.EasyRead.EasyReadTemplate> EasyReadTemplates => Set<Domain.EasyRead.EasyReadTemplate>();

    /// <summary>One-use tokens of forms that create something (see <see cref="Infrastructure.Mvc.SubmitOnceAttribute"/>).</summary>
    public DbSet<Infrastructure.Mvc.FormSubmission> FormSubmissions => Set<Infrastructure.Mvc.FormSubmission>();

    /// <summary>Email waiting to be sent, and recently sent (see <see cref="Infrastructure.Email.OutboxSender"/>).</summary>
    public DbSet<Infrastructure.Email.OutboxMessage> OutboxMessages => Set<Infrastructure.Email.OutboxMessage>();

    /// <summary>Uploaded files, readable by every instance of the portal.</summary>
    public DbSet<Infrastructure.Files.StoredFile> StoredFiles => Set<Infrastructure.Files.StoredFile>();

    /// <summary>Which instance holds each kind of background work, and when it is next due.</summary>
    public DbSet<Infrastructure.Background.JobLease> JobLeases => Set<Infrastructure.Background.JobLease>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CoProduceDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is stored and read back as UTC, on either provider.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        // Money is whole pence in an integer column: exact, and summed, compared and sorted by the
        // database on either provider (SQLite cannot do that with decimal).
        configurationBuilder.Properties<Money>().HaveConversion<MoneyConverter>();
        // Any other decimal (such as hours) is exact to 2 places, never floating point.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess, CancellationToken.None).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        CheckAndStampChanges();
        // The roster sorts by the day each person last took part: kept up to date in the same transaction as the change.
        var tookPart = LastTookPart.Pending(this);
        if (!tookPart.Any)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        if (Database.CurrentTransaction is not null)
        {
            var savedInTransaction = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await LastTookPart.RefreshAsync(this, tookPart, cancellationToken);
            return savedInTransaction;
        }
        // Changes are accepted only once both are committed, so that a retried attempt saves them again.
        var saved = await Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            await using var transaction = await Database.BeginTransactionAsync(ct);
            var count = await base.SaveChangesAsync(false, ct);
            await LastTookPart.RefreshAsync(this, tookPart, ct);
            await transaction.CommitAsync(ct);
            return count;
        }, cancellationToken);
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }
        return saved;
    }

    /// <summary>What saving checks and stamps first: the data generator's writer does it too.</summary>
    internal void CheckAndStampChanges()
    {
        // The audit log is append-only: history is never rewritten.
        if (ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("Audit entries cannot be changed or deleted.");
        }

        foreach (var entry in ChangeTracker.Entries<IConcurrencyVersioned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }
    }
}

/// <summary>The SQLite flavour (the embedded default). Migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqliteCoProduceDbContext(DbContextOptions<SqliteCoProduceDbContext> options) : CoProduceDbContext(options);

/// <summary>The SQL Server flavour (production). Migrations in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerCoProduceDbContext(DbContextOptions<SqlServerCoProduceDbContext> options) : CoProduceDbContext(options);
