using System.Linq.Expressions;
using CoProduce.Web.Domain.Activities;
using CoProduce.Web.Domain.Roster;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoProduce.Web.Data.Configurations;

/// <summary>
/// A set of choices (days, needs, areas of experience) is kept in one text column as
/// ",Carer,Autism," so that both providers store it the same way and a search for ",Carer,"
/// never matches "YoungCarer".
/// </summary>
internal static class ChoiceSet
{
    public static PropertyBuilder<IReadOnlySet<T>> AsChoiceSet<T>(this PropertyBuilder<IReadOnlySet<T>> property)
        where T : struct, Enum
    {
        property.HasConversion(new ValueConverter<IReadOnlySet<T>, string>(
                set => Encode(set),
                text => Decode<T>(text)))
            .HasMaxLength(400)
            .IsRequired();
        property.Metadata.SetValueComparer(new ValueComparer<IReadOnlySet<T>>(
            (a, b) => a != null && b != null && a.SetEquals(b),
            set => set.Aggregate(0, (hash, item) => hash ^ item.GetHashCode()),
            set => set.ToHashSet()));
        return property;
    }

    public static string Encode<T>(IEnumerable<T> set)
        where T : struct, Enum =>
        "," + string.Join(",", set.Select(v => v.ToString()).Order(StringComparer.Ordinal)) + ",";

    public static string Token<T>(T value)
        where T : struct, Enum => "," + value + ",";

    /// <summary>
    /// A condition the database runs: the set in the column holds the value. It matches the
    /// stored text (",Carer,Autism," contains ",Carer,"), so a filter never loads rows to look.
    /// </summary>
    public static Expression<Func<TEntity, bool>> Holds<TEntity, T>(Expression<Func<TEntity, IReadOnlySet<T>>> column, T value)
        where T : struct, Enum =>
        Expression.Lambda<Func<TEntity, bool>>(TextHolds(StoredText(column), value), column.Parameters);

    /// <summary>A condition the database runs: the set in the column is empty, or holds any of the values.</summary>
    public static Expression<Func<TEntity, bool>> IsEmptyOrHoldsAny<TEntity, T>(Expression<Func<TEntity, IReadOnlySet<T>>> column, IEnumerable<T> values)
        where T : struct, Enum
    {
        var text = StoredText(column);
        // Written as ",," by Encode; "," is read as empty too.
        Expression condition = Expression.OrElse(
            Expression.Equal(text, Expression.Constant(Encode<T>([]))),
            Expression.Equal(text, Expression.Constant(",")));
        foreach (var value in values.Distinct())
        {
            condition = Expression.OrElse(condition, TextHolds(text, value));
        }
        return Expression.Lambda<Func<TEntity, bool>>(condition, column.Parameters);
    }

    /// <summary>The column as the text it is stored as: EF Core translates (string)(object) to the column itself.</summary>
    private static UnaryExpression StoredText<TEntity, T>(Expression<Func<TEntity, IReadOnlySet<T>>> column) =>
        Expression.Convert(Expression.Convert(column.Body, typeof(object)), typeof(string));

    private static MethodCallExpression TextHolds<T>(Expression text, T value)
        where T : struct, Enum =>
        Expression.Call(text, typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!, Expression.Constant(Token(value)));

    private static HashSet<T> Decode<T>(string text)
        where T : struct, Enum =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => Enum.TryParse<T>(part, out var value) ? (T?)value : null)
            .Where(v => v is not null).Select(v => v!.Value).ToHashSet();
}

internal sealed class ExpertProfileConfiguration : IEntityTypeConfiguration<ExpertProfile>
{
    public void Configure(EntityTypeBuilder<ExpertProfile> builder)
    {
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => p.UserId).IsUnique();
        builder.HasOne<CoProduceUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.PreferredName).HasMaxLength(ExpertProfile.NameMaxLength).IsRequired();
        builder.Property(p => p.ContactEmail).HasMaxLength(256);
        builder.Property(p => p.ContactPhone).HasMaxLength(30);
        builder.Property(p => p.PreferredContact).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.LivedExperience).AsChoiceSet();
        builder.Property(p => p.LivedExperienceOther).HasMaxLength(ExpertProfile.TextMaxLength);
        builder.Property(p => p.AccessNeeds).AsChoiceSet();
        builder.Property(p => p.Language).HasMaxLength(100);
        builder.Property(p => p.AccessNeedsOther).HasMaxLength(ExpertProfile.TextMaxLength);
        builder.Property(p => p.AvailableDays).AsChoiceSet();
        builder.Property(p => p.TimesOfDay).AsChoiceSet();
        builder.Property(p => p.Mode).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.PaymentPreference).HasConversion<string>().HasMaxLength(20);
        builder.OwnsMany(p => p.ConsentHistory, history =>
        {
            history.ToTable("ConsentEvents");
            history.WithOwner().HasForeignKey("ExpertProfileId");
            history.HasKey("ExpertProfileId", nameof(ConsentEvent.Number));
            history.Property(e => e.Number).ValueGeneratedNever();
            history.Property(e => e.Change).HasConversion<string>().HasMaxLength(20);
            history.Property(e => e.PrivacyNoticeVersion).HasMaxLength(ConsentEvent.NoticeVersionMaxLength);
            // Covers "is the person's latest consent event a giving?", asked of every person when the roster is counted.
            history.HasIndex("ExpertProfileId", nameof(ConsentEvent.Number), nameof(ConsentEvent.Change)).HasDatabaseName("IX_ConsentEvents_Latest");
        });
        builder.Navigation(p => p.ConsentHistory).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.LatestConsentEvent);
        builder.Ignore(p => p.PayeeReference);
        builder.Ignore(p => p.PayeeName);
        builder.Ignore(p => p.CurrentConsent);
        builder.Ignore(p => p.HasConsent);
        builder.Ignore(p => p.IsOnRoster);
        // Kept by the database context, not the domain (see LastTookPart): the roster sorts and filters by it.
        builder.Property<DateOnly?>(LastTookPart.Column);
        // In the roster's order, and covering its test of who is anonymised, so a deep page skips through the index alone.
        builder.HasIndex(LastTookPart.Column, nameof(ExpertProfile.PreferredName), nameof(ExpertProfile.Id), nameof(ExpertProfile.AnonymisedUtc))
            .HasDatabaseName("IX_ExpertProfiles_Roster");
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.HasKey(a => a.Id);
        builder.HasOne<Domain.Commissioning.CommissioningProject>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.RequirementCode).HasMaxLength(Domain.Commissioning.TierRuleSetRules.CodeMaxLength);
        builder.Property(a => a.Title).HasMaxLength(Activity.TitleMaxLength).IsRequired();
        builder.Property(a => a.Type).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Description).HasMaxLength(Activity.TextMaxLength).IsRequired();
        builder.Property(a => a.EasyReadSummary).HasMaxLength(Activity.TextMaxLength);
        builder.Property(a => a.Mode).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Venue).HasMaxLength(Activity.TextMaxLength);
        builder.Property(a => a.AccessInformation).HasMaxLength(Activity.TextMaxLength);
        builder.Property(a => a.JoiningInstructions).HasMaxLength(Activity.TextMaxLength);
        builder.Property(a => a.LivedExperienceSought).AsChoiceSet();
        builder.Property(a => a.Rung).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Keys).HasConversion<int>();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.CreatedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasMany(a => a.SignUps).WithOne().HasForeignKey(s => s.ActivityId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.SignUps).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(a => a.FreePlaces);
        builder.Ignore(a => a.OfferedCount);
        builder.HasIndex(a => new { a.Status, a.Date });
        builder.HasIndex(a => a.ProjectId);
        builder.HasOne<Domain.Payments.RateItem>().WithMany().HasForeignKey(a => a.RateItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SignUpConfiguration : IEntityTypeConfiguration<SignUp>
{
    public void Configure(EntityTypeBuilder<SignUp> builder)
    {
        builder.HasKey(s => s.Id);
        builder.HasOne<ExpertProfile>().WithMany().HasForeignKey(s => s.ExpertProfileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ActivityId, s.ExpertProfileId }).IsUnique();
        // An activity's page counts its sign-ups by status and attendance, and lists one status a page at a time, in the order asked.
        builder.HasIndex(s => new { s.ActivityId, s.Status, s.Attendance, s.RequestedUtc });
        // When each person last took part, and how often: their attended sign-ups without reading the rows.
        builder.HasIndex(s => new { s.ExpertProfileId, s.Attendance, s.ActivityId });
        builder.Property(s => s.WhatWouldHelp).HasMaxLength(Activity.TextMaxLength).IsRequired();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.DeclineMessage).HasMaxLength(Activity.TextMaxLength);
        builder.Property(s => s.Attendance).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.AttendanceRecordedByUserId).HasMaxLength(450);
        builder.Ignore(s => s.TimeGiven);
        builder.Ignore(s => s.FixedFee);
        builder.Property(s => s.FeeKind).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(s => s.IsLive);
        builder.Property(s => s.PreparationNotes).HasMaxLength(Activity.TextMaxLength);
        builder.Property(s => s.CheckInNotes).HasMaxLength(Activity.TextMaxLength);
        builder.Property(s => s.DebriefNotes).HasMaxLength(Activity.TextMaxLength);
        // A reminder is claimed by the save that marks it: of two instances reminding at once, one wins.
        builder.Property(s => s.ReminderForDate).IsConcurrencyToken();
    }
}
