using CoProduce.Web.Infrastructure.Background;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CoProduce.Web.Infrastructure.Email;

/// <summary>A plain-text email (with an optional HTML part and attachments, such as an .ics invite).</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody)
{
    public string? HtmlBody { get; init; }
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];
}

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Sends one email now: SMTP or the pickup folder. Only <see cref="OutboxSender"/> calls it;
/// features put email in the <see cref="IEmailOutbox"/>. Tests replace it with a mock.
/// </summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

public sealed class EmailOptions
{
    public const string Section = "Email";

    public string FromAddress { get; set; } = "coproduce@example.org";
    public string FromName { get; set; } = "CoProduce";

    /// <summary>Where .eml files go when no SMTP host is configured. Relative to the app's folder.</summary>
    public string PickupFolder { get; set; } = "App_Data/mail-pickup";

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public bool UseStartTls { get; set; } = true;
}

internal static class EmailSetup
{
    public static IServiceCollection AddCoProduceEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmailOptions>()
            .Bind(configuration.GetSection(EmailOptions.Section))
            .PostConfigure<IWebHostEnvironment>((options, environment) =>
                options.PickupFolder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.PickupFolder)));

        // SMTP when a host is configured; otherwise .eml files in the pickup folder.
        services.AddSingleton<IEmailSender>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmailOptions>>().Value;
            return string.IsNullOrWhiteSpace(options.Smtp.Host)
                ? ActivatorUtilities.CreateInstance<PickupFolderEmailSender>(sp, options)
                : ActivatorUtilities.CreateInstance<SmtpEmailSender>(sp, options);
        });

        // Features put email in the outbox, saved with their change; one instance at a time sends it from there.
        services.AddOptions<OutboxOptions>()
            .Bind(configuration.GetSection(OutboxOptions.Section))
            .Validate(o => o.PollSeconds >= 1 && o.MaxAttempts >= 1 && o.FirstRetryMinutes >= 1 && o.MaxRetryMinutes >= o.FirstRetryMinutes
                && o.LeaseSeconds >= 30 && o.KeepDays >= 1,
                "Email:Outbox settings must be positive: PollSeconds, MaxAttempts, FirstRetryMinutes and KeepDays at least 1, " +
                "MaxRetryMinutes at least FirstRetryMinutes, and LeaseSeconds at least 30")
            .ValidateOnStart();
        services.AddScoped<IEmailOutbox, EmailOutbox>();
        services.AddSingleton<OutboxSender>();
        services.AddScheduledJob<OutboxJob>();
        return services;
    }

    internal static MimeMessage ToMime(EmailMessage message, EmailOptions options)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var attachment in message.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }
        mime.Body = body.ToMessageBody();
        return mime;
    }
}

/// <summary>Writes each message as an .eml file: the default when no SMTP server is configured.</summary>
internal sealed class PickupFolderEmailSender(EmailOptions options, TimeProvider clock, ILogger<PickupFolderEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(options.PickupFolder);
        var mime = EmailSetup.ToMime(message, options);
        mime.Date = clock.GetUtcNow();
        var fileName = $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
        var path = Path.Combine(options.PickupFolder, fileName);
        await mime.WriteToAsync(path, cancellationToken);
        logger.LogInformation("Email \"{Subject}\" written to {Path}", message.Subject, path);
    }
}

/// <summary>Sends through the configured SMTP server with MailKit.</summary>
internal sealed class SmtpEmailSender(EmailOptions options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var mime = EmailSetup.ToMime(message, options);
        using var client = new SmtpClient();
        await client.ConnectAsync(options.Smtp.Host!, options.Smtp.Port,
            options.Smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, cancellationToken);
        if (!string.IsNullOrEmpty(options.Smtp.UserName))
        {
            await client.AuthenticateAsync(options.Smtp.UserName, options.Smtp.Password ?? string.Empty, cancellationToken);
        }
        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("Email \"{Subject}\" sent by SMTP", message.Subject);
    }
}
