using CoProduce.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Infrastructure.Mvc;

/// <summary>
/// One use of a form that creates something. The form carries a random token; the first request
/// with it claims a row in the database (the primary key makes the claim atomic across every
/// instance of the portal), runs, and records where it sent the person. A second request with the
/// same token (a double click, a retried request, a second instance) makes nothing: it waits for
/// the first to finish and is sent to the same place.
/// </summary>
public sealed class FormSubmission
{
    public const int ResultMaxLength = 500;

    public Guid Token { get; set; }

    public string? UserId { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>Where the first request redirected to; empty while it is still running.</summary>
    public string? ResultUrl { get; set; }

    /// <summary>The success message the first request showed, shown again to the second.</summary>
    public string? ResultMessage { get; set; }
}

/// <summary>Put on a POST action that creates something; its form has the <c>submit-once</c> attribute.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SubmitOnceAttribute() : TypeFilterAttribute(typeof(SubmitOnceFilter));

/// <summary>&lt;form … submit-once&gt; adds the hidden one-use token that <see cref="SubmitOnceAttribute"/> reads.</summary>
[HtmlTargetElement("form", Attributes = AttributeName)]
public sealed class SubmitOnceTagHelper : TagHelper
{
    public const string AttributeName = "submit-once";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.RemoveAll(AttributeName);
        output.PostContent.AppendHtml($"<input type=\"hidden\" name=\"{SubmitOnceFilter.FieldName}\" value=\"{Guid.NewGuid():D}\">");
    }
}

internal sealed class SubmitOnceFilter(
    IServiceScopeFactory scopes,
    ITempDataDictionaryFactory tempDataFactory,
    TimeProvider clock,
    ILogger<SubmitOnceFilter> logger) : IAsyncResourceFilter
{
    public const string FieldName = "__SubmissionToken";

    /// <summary>Tokens are kept a day: long enough for any retry, short enough to keep the table small.</summary>
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);

    private static readonly TimeSpan WaitForFirst = TimeSpan.FromSeconds(10);

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        // A request without a readable token (an old page, a hand-made request) is handled as before.
        if (!http.Request.HasFormContentType || !Guid.TryParse((await http.Request.ReadFormAsync(http.RequestAborted))[FieldName], out var token))
        {
            await next();
            return;
        }

        var userId = http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        await ForgetOldTokensAsync();
        var waitUntil = clock.GetUtcNow() + WaitForFirst;
        while (!await TryClaimAsync(token, userId))
        {
            var earlier = await FindAsync(token);
            if (earlier?.ResultUrl is { Length: > 0 } url && earlier.UserId == userId)
            {
                logger.LogInformation("Form submitted again; the first submission is reused");
                if (earlier.ResultMessage is { Length: > 0 } message)
                {
                    tempDataFactory.GetTempData(http)["Success"] = message;
                }
                context.Result = new RedirectResult(url);
                return;
            }
            if ((earlier is not null && earlier.UserId != userId) || clock.GetUtcNow() > waitUntil)
            {
                context.Result = new ViewResult { ViewName = "FormAlreadySent", StatusCode = StatusCodes.Status409Conflict };
                return;
            }
            // Still running elsewhere (or just released, when the claim is tried again).
            await Task.Delay(TimeSpan.FromMilliseconds(100), http.RequestAborted);
        }

        var executed = await next();
        var location = http.Response.Headers.Location.ToString();
        if (executed.Exception is null && http.Response.StatusCode is >= 300 and < 400 && location.Length > 0)
        {
            var message = tempDataFactory.GetTempData(http).Peek("Success") as string;
            await RecordResultAsync(token, location, message);
        }
        else
        {
            // Refused (a mistake in the form) or failed: the same form may be sent again once corrected.
            await ReleaseAsync(token);
        }
    }

    private async Task<bool> TryClaimAsync(Guid token, string? userId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CoProduceDbContext>();
        // Most repeats find the token already there; only two at the very same moment reach the
        // primary key, which decides between them.
        if (await db.FormSubmissions.AnyAsync(s => s.Token == token))
        {
            return false;
        }
        db.FormSubmissions.Add(new FormSubmission { Token = token, UserId = userId, CreatedUtc = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    private async Task ForgetOldTokensAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var before = clock.GetUtcNow().UtcDateTime - KeepFor;
        await scope.ServiceProvider.GetRequiredService<CoProduceDbContext>().FormSubmissions.Where(s => s.CreatedUtc < before).ExecuteDeleteAsync();
    }

    private async Task<FormSubmission?> FindAsync(Guid token)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CoProduceDbContext>().FormSubmissions.AsNoTracking().SingleOrDefaultAsync(s => s.Token == token);
    }

    private async Task RecordResultAsync(Guid token, string url, string? message)
    {
        await using var scope = scopes.CreateAsyncScope();
        var trimmed = message is { Length: > FormSubmission.ResultMaxLength } ? message[..FormSubmission.ResultMaxLength] : message;
        await scope.ServiceProvider.GetRequiredService<CoProduceDbContext>().FormSubmissions.Where(s => s.Token == token)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ResultUrl, url.Length > FormSubmission.ResultMaxLength ? "/" : url).SetProperty(x => x.ResultMessage, trimmed));
    }

    private async Task ReleaseAsync(Guid token)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CoProduceDbContext>().FormSubmissions.Where(s => s.Token == token).ExecuteDeleteAsync();
    }
}
