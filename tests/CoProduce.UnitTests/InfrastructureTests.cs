using CoProduce.Web.Data;
using CoProduce.Web.Infrastructure.Email;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace CoProduce.UnitTests;

public sealed class InfrastructureTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "coproduce-unit", Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("jo@example.org", true)]
    [InlineData(" jo@example.org ", true)]
    [InlineData("jö@exämple.org", true)]
    [InlineData("x@.", false)]
    [InlineData("x@.com", false)]
    [InlineData("jo.example.org", false)]
    [InlineData("@example.org", false)]
    [InlineData("Jo <jo@example.org>", false)]
    [InlineData("<jo@example.org>", false)]
    [InlineData("jo@example.org (work)", false)]
    [InlineData("jo@example.org, al@example.org", false)]
    [InlineData("j o@example.org", false)]
    [InlineData("jo@exam\u200Bple.org", false)]
    [InlineData("jo@example.org\u202E", false)]
    [InlineData("j\u0000o@example.org", false)]
    [InlineData("", false)]
    public async Task EmailAddresses_SendableOnlyWhenTheSenderCanSendToExactlyThat(string address, bool sendable)
    {
        Assert.Equal(sendable, EmailAddresses.IsSendable(address));
        if (sendable)
        {
            var sender = new PickupFolderEmailSender(new EmailOptions { PickupFolder = _folder }, TimeProvider.System, NullLogger<PickupFolderEmailSender>.Instance);
            await sender.SendAsync(new EmailMessage(address.Trim(), "Hello", "Hello"));
            var message = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(_folder, "*.eml")));
            Assert.Equal(address.Trim(), message.To.Mailboxes.Single().Address);
        }
    }

    [Fact]
    public async Task PickupFolderSender_WritesEmlWithBodyAndAttachment()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 3, 9, 30, 0, TimeSpan.Zero));
        var options = new EmailOptions { PickupFolder = _folder, FromAddress = "council@example.org", FromName = "Brackenfield Council" };
        var sender = new PickupFolderEmailSender(options, clock, NullLogger<PickupFolderEmailSender>.Instance);

        await sender.SendAsync(new EmailMessage("jo@example.org", "Your place is confirmed", "See you on Tuesday.")
        {
            Attachments = [new EmailAttachment("invite.ics", "text/calendar", "BEGIN:VCALENDAR"u8.ToArray())],
        });

        var file = Assert.Single(Directory.GetFiles(_folder, "*.eml"));
        Assert.StartsWith("20260303-093000-", Path.GetFileName(file), StringComparison.Ordinal);
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("Your place is confirmed", message.Subject);
        Assert.Equal("jo@example.org", message.To.Mailboxes.Single().Address);
        Assert.Equal("council@example.org", message.From.Mailboxes.Single().Address);
        Assert.Contains("See you on Tuesday.", message.TextBody, StringComparison.Ordinal);
        Assert.Equal("invite.ics", message.Attachments.Single().ContentDisposition?.FileName);
    }

    [Fact]
    public void SqliteConnectionString_RelativePath_IsUnderTheAppFolderWhichIsCreated()
    {
        var result = DatabaseSetup.PrepareSqliteConnectionString("Data Source=App_Data/coproduce.db", _folder);

        Assert.Equal($"Data Source={Path.Combine(_folder, "App_Data", "coproduce.db")}", result);
        Assert.True(Directory.Exists(Path.Combine(_folder, "App_Data")));
    }

    [Fact]
    public void SqliteConnectionString_NotConfigured_DefaultsToAppData()
    {
        var result = DatabaseSetup.PrepareSqliteConnectionString(null, _folder);

        Assert.EndsWith(Path.Combine("App_Data", "coproduce.db"), result, StringComparison.Ordinal);
    }

    [Fact]
    public void SqliteConnectionString_AbsolutePath_IsKept()
    {
        var path = Path.Combine(_folder, "elsewhere", "data.db");

        var result = DatabaseSetup.PrepareSqliteConnectionString($"Data Source={path};Cache=Shared", _folder);

        Assert.Contains($"Data Source={path}", result, StringComparison.Ordinal);
        Assert.Contains("Cache=Shared", result, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/finance", "/finance")]
    [InlineData("/é", "/%C3%A9")]
    [InlineData("/projects?q=café au lait&page=2", "/projects?q=caf%C3%A9%20au%20lait&page=2")]
    [InlineData("/already%20encoded", "/already%20encoded")]
    [InlineData("/emoji/\U0001F600", "/emoji/%F0%9F%98%80")]
    [InlineData("/rtl/\u202Eevil", "/rtl/%E2%80%AEevil")]
    [InlineData("", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    public void ReturnUrls_OnlyLocal_AndEncodedForTheLocationHeader(string returnUrl, string expected)
    {
        // The same rule as the MVC url helper's IsLocalUrl, without a web host.
        static bool IsLocal(string url) => url.StartsWith('/') && (url.Length == 1 || url[1] is not ('/' or '\\')) && !url.Any(char.IsControl);

        var safe = CoProduce.Web.Infrastructure.Security.ReturnUrls.SafeLocal(returnUrl, IsLocal);

        Assert.Equal(expected, safe);
        Assert.All(safe, c => Assert.InRange(c, '!', '~'));
    }

    public static TheoryData<Exception, bool> Failures => new()
    {
        { new InvalidDataException("Form value count limit 1024 exceeded."), true },
        { new Microsoft.AspNetCore.Http.BadHttpRequestException("Request body too large.", 413), true },
        { new Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException("The form could not be read.", new InvalidDataException("The form value contains invalid characters.")), true },
        { new InvalidOperationException("Something else went wrong."), false },
        { new IOException("The disk is full."), false },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void UnreadableRequest_OnlyFailuresToReadTheRequest(Exception error, bool unreadable) =>
        Assert.Equal(unreadable, CoProduce.Web.Infrastructure.Mvc.UnreadableRequest.IsUnreadable(error));

    [Fact]
    public void ReturnUrls_LoneSurrogate_BecomesTheReplacementCharacter() =>
        Assert.Equal("/lone/%EF%BF%BD", CoProduce.Web.Infrastructure.Security.ReturnUrls.EncodeForHeader("/lone/" + (char)0xD800));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
