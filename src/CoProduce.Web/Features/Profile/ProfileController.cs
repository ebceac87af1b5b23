using System.Text.Json;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace CoProduce.Web.Features.Profile;

/// <summary>
/// An expert by experience's own profile, one short page per part. Every action works on the
/// signed-in person's own profile, found by their user id: no address or form field names a
/// profile, so nobody can reach anyone else's. <see cref="ProfileService"/> makes every change.
/// </summary>
[Authorize(Policy = Policies.ExpertSelfService)]
public sealed class ProfileController(ProfileService profiles, PaymentDetailsService payments, UserManager<CoProduceUser> users, SignInManager<CoProduceUser> signInManager)
    : Controller
{
    private const string Home = "/profile";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private string Me => users.GetUserId(User)!;

    [HttpGet("profile")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var (profile, stop) = await MyProfileAsync(consentFirst: false, cancellationToken);
        return stop ?? View(new ProfilePage(ProfileSummary.From(profile!), await payments.ReadAsync(profile!, cancellationToken)));
    }

    [HttpGet("profile/consent")]
    public Task<IActionResult> Consent(CancellationToken cancellationToken) =>
        ShowAsync(p => View(ConsentPage.From(p)), cancellationToken);

    [HttpPost("profile/consent")]
    public Task<IActionResult> Consent(ConsentForm form, CancellationToken cancellationToken) =>
        ChangeAsync(ConsentPage.From, p => profiles.GiveConsentAsync(p, Me, cancellationToken),
            "Thank you. You can now tell us about your lived experience and the support you need", cancellationToken);

    [HttpGet("profile/consent/withdraw")]
    public Task<IActionResult> WithdrawConsent(CancellationToken cancellationToken) =>
        ShowAsync(p => p.HasConsent ? View() : Redirect(Home), cancellationToken);

    [HttpPost("profile/consent/withdraw")]
    [ActionName(nameof(WithdrawConsent))]
    public Task<IActionResult> WithdrawConsentConfirmed(CancellationToken cancellationToken) =>
        // No form, so nothing to show again.
        ChangeAsync(_ => null, p => profiles.WithdrawConsentAsync(p, Me, cancellationToken),
            "You have withdrawn your consent. We have deleted your lived experience and access needs", cancellationToken);

    [HttpGet("profile/contact")]
    public Task<IActionResult> Contact(CancellationToken cancellationToken) =>
        ShowAsync(p => View(ContactForm.From(p)), cancellationToken);

    [HttpPost("profile/contact")]
    public Task<IActionResult> Contact(ContactForm form, CancellationToken cancellationToken) =>
        ChangeAsync(_ => form, p => profiles.SetContactAsync(p, form.ToContact(), Me, cancellationToken),
            "Your contact details have been saved", cancellationToken);

    [HttpGet("profile/lived-experience")]
    public Task<IActionResult> LivedExperience(CancellationToken cancellationToken) =>
        ShowAsync(p => View(LivedExperienceForm.From(p)), cancellationToken, consentFirst: true);

    [HttpPost("profile/lived-experience")]
    public Task<IActionResult> LivedExperience(LivedExperienceForm form, CancellationToken cancellationToken) =>
        ChangeAsync(_ => form, p => profiles.SetLivedExperienceAsync(p, form.ToAnswer(), Me, cancellationToken),
            "Your lived experience has been saved", cancellationToken, consentFirst: true);

    [HttpGet("profile/access-needs")]
    public Task<IActionResult> AccessNeeds(CancellationToken cancellationToken) =>
        ShowAsync(p => View(AccessNeedsForm.From(p)), cancellationToken, consentFirst: true);

    [HttpPost("profile/access-needs")]
    public Task<IActionResult> AccessNeeds(AccessNeedsForm form, CancellationToken cancellationToken) =>
        ChangeAsync(_ => form, p => profiles.SetAccessNeedsAsync(p, form.ToAnswer(), Me, cancellationToken),
            "The support you need has been saved", cancellationToken, consentFirst: true);

    [HttpGet("profile/availability")]
    public Task<IActionResult> Availability(CancellationToken cancellationToken) =>
        ShowAsync(p => View(AvailabilityForm.From(p)), cancellationToken);

    [HttpPost("profile/availability")]
    public Task<IActionResult> Availability(AvailabilityForm form, CancellationToken cancellationToken) =>
        ChangeAsync(_ => form, p => profiles.SetAvailabilityAsync(p, form.ToAnswer(), Me, cancellationToken),
            "When you can take part has been saved", cancellationToken);

    [HttpGet("profile/your-data")]
    public async Task<IActionResult> YourData(CancellationToken cancellationToken)
    {
        var (profile, stop) = await MyProfileAsync(consentFirst: false, cancellationToken);
        return stop ?? View(await profiles.YourDataAsync(profile!, cancellationToken));
    }

    [HttpGet("profile/your-data.json")]
    public async Task<IActionResult> YourDataJson(CancellationToken cancellationToken)
    {
        var (profile, stop) = await MyProfileAsync(consentFirst: false, cancellationToken);
        if (stop is not null)
        {
            return stop;
        }
        var json = JsonSerializer.SerializeToUtf8Bytes(await profiles.YourDataAsync(profile!, cancellationToken), JsonOptions);
        Response.Headers.CacheControl = "no-store";
        return File(json, "application/json", "coproduce-your-data.json");
    }

    [HttpGet("profile/delete")]
    public async Task<IActionResult> Delete(CancellationToken cancellationToken)
    {
        var (profile, stop) = await MyProfileAsync(consentFirst: false, cancellationToken);
        return stop ?? View(await profiles.DeletePageAsync(profile!, cancellationToken));
    }

    /// <summary>Removes the person's personal data (see <see cref="ProfileService.EraseAsync"/>) and signs them out.</summary>
    [HttpPost("profile/delete")]
    [ActionName(nameof(Delete))]
    public async Task<IActionResult> DeleteConfirmed(CancellationToken cancellationToken)
    {
        var (profile, stop) = await MyProfileAsync(consentFirst: false, cancellationToken);
        if (stop is not null)
        {
            return stop;
        }
        await profiles.EraseAsync(profile!, Me, cancellationToken);
        await signInManager.SignOutAsync();
        return Redirect("/profile/deleted");
    }

    /// <summary>Shown after deletion, when the person is already signed out.</summary>
    [AllowAnonymous]
    [HttpGet("profile/deleted")]
    public IActionResult Deleted() => View();

    private async Task<IActionResult> ShowAsync(Func<ExpertProfile, IActionResult> page, CancellationToken cancellationToken, bool consentFirst = false)
    {
        var (profile, stop) = await MyProfileAsync(consentFirst, cancellationToken);
        return stop ?? page(profile!);
    }

    /// <summary>
    /// Checks the form (showing it again, with the page <paramref name="formAgain"/> builds, if it is
    /// wrong), makes the change and goes back to the profile with <paramref name="success"/>.
    /// </summary>
    private async Task<IActionResult> ChangeAsync(Func<ExpertProfile, object?> formAgain, Func<ExpertProfile, Task> change, string success,
        CancellationToken cancellationToken, bool consentFirst = false)
    {
        var (profile, stop) = await MyProfileAsync(consentFirst, cancellationToken);
        if (stop is not null)
        {
            return stop;
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(formAgain(profile!));
        }
        await change(profile!);
        TempData["Success"] = success;
        return Redirect(Home);
    }

    /// <summary>
    /// The signed-in person's own profile, never one named by the request. A person whose data was
    /// deleted (signed in elsewhere before the deletion) is signed out rather than shown an empty
    /// profile. Pages about special category data need consent first.
    /// </summary>
    private async Task<(ExpertProfile? Profile, IActionResult? Stop)> MyProfileAsync(bool consentFirst, CancellationToken cancellationToken)
    {
        var (profile, stop) = await this.MyProfileOrStopAsync(profiles, users, signInManager, cancellationToken);
        if (stop is not null)
        {
            return (null, stop);
        }
        if (consentFirst && !profile!.HasConsent)
        {
            TempData["Notice"] = "Before you tell us about your lived experience or the support you need, we need you to agree to us keeping it";
            return (profile, Redirect("/profile/consent"));
        }
        return (profile, null);
    }
}
