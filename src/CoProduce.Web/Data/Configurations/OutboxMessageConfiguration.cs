using System.Text.Json;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoProduce.Web.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.To).HasMaxLength(EmailAddresses.MaxLength);
        builder.Property(m => m.Subject).HasMaxLength(OutboxMessage.SubjectMaxLength).IsRequired();
        builder.Property(m => m.TextBody).IsRequired();
        // The files go with the message, as JSON (their content in base64): text on both providers.
        builder.Property(m => m.Attachments)
            .HasConversion(new ValueConverter<IReadOnlyList<EmailAttachment>, string>(
                list => JsonSerializer.Serialize(list, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<List<EmailAttachment>>(json, JsonSerializerOptions.Default) ?? new List<EmailAttachment>()))
            .IsRequired();
        builder.Property(m => m.Attachments).Metadata.SetValueComparer(new ValueComparer<IReadOnlyList<EmailAttachment>>(
            (a, b) => a != null && b != null && a.Count == b.Count && a.Zip(b).All(p => p.First.FileName == p.Second.FileName && p.First.Content.SequenceEqual(p.Second.Content)),
            list => list.Count,
            list => list.ToList()));
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorMaxLength);
        builder.Property(m => m.AttachDocument).HasMaxLength(OutboxMessage.DocumentMaxLength);
        builder.Property(m => m.LeaseOwner).HasMaxLength(OutboxMessage.LeaseOwnerMaxLength);
        // A person's messages are shown to them in "your data" and deleted with their information.
        builder.HasOne<ExpertProfile>().WithMany().HasForeignKey(m => m.ExpertProfileId).OnDelete(DeleteBehavior.Restrict);
        // The senders' question: what is waiting and due? And the organiser's: who could not be emailed?
        builder.HasIndex(m => new { m.Status, m.NextAttemptUtc });
        builder.HasIndex(m => new { m.ActivityId, m.Status });
        builder.HasIndex(m => m.CreatedUtc);
    }
}
