// Over 200 lines for now: "Activities and people" moves its remaining changes into a ProfileService (PersonalDataService already owns withdrawal, deletion and the download).
using System.Text.Json;
using CoProduce.Web.Data;
using CoProduce.Web.Domain.Roster;
using CoProduce.Web.Features.Public;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Profile;

/// <summary>
/// An expert by experience's own profile, one short page per part. Every action works on the
/// signed-in person's own profile, found by their user id: no address or form field names a
/// profile, so nobody can reach anyone else's.
/// </summary>
[Authorize(Policy = Policies.ExpertSelfService)]
public sealed class ProfileController(
    CoProduceDbContext db,
    UserManager<CoProduceUser> users,
    SignInManager<CoProduceUser> signInManager,
    PersonalDataService personalData,
    TimeProvider clock) : Controller
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [HttpGet("profile")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var (profile, stop) = await MyProfileAsync(cancellationToken);
        return stop ?? View(ProfileSummary.From(profile!));
    }

    [HttpGet("profile/consent")]
    public async Task<IActionResult> Consent(CancellationToken cancellationToken)
    {
        var (profile, stop) = await MyProfileAsync(cancellationToken);
        if (stop is not null)
        {
            return stop;
        }
        ViewData["Consent"] = ConsentRecord.From(profile!);
        return View(new ConsentForm());
    }

    [HttpPost("profile/consent")]
    public async Task<IActionResult> Consent(ConsentForm form, CancellationToken cancellationToken)
    {
        var (profile, stop) = await MyProfileAsync(cancellationToken);
        if (stop is not null)
        {
            return stop;
        }
        if (!ModelState.IsValid)
        {
            ViewData["Consent"] = ConsentRecord.From(profile!);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }
        profile!.GiveConsent(PrivacyNotice.Version, Now);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = "Thank you. You can now tell us about your lived experience and the support you need";
        return Redirect("/profile");
    }

    [HttpGet("profile/consent/withdraw")]
    public async Task<IActionResult> WithdrawConsent(CancellationToken cancellationToken)
    {
        var (profile, stop) = await MyProfileAsync(cancellationToken);
        if (stop is not null)
        {
            return stop;
        }
        return profile!.HasConsent ? View() : Redirect("/profile");
    }

    [HttpPost("profile/consent/withdraw")]
    [ActionName(nameof(WithdrawConsent))]
    public async Task<IActionResult> WithdrawConsentConfirmed(CancellationToken cancellationToken)
    {
        var (profile, stop) = await MyProfileAsync(cancellationToken);
        if (stop is not null)
        {
            return stop;
        }
        if (profile!.HasConsent)
        {
            await personalData.WithdrawConsentAsync(profile, cancellationToken);
        }
        TempData["Success"] = "You have withdrawn your consent. We have deleted your lived experience and access needs";
        return Redirect("/profile");
    }

    [HttpGet("profile/contact")]
    public async Task<IActionResult> Contact(CancellationToken cancellationToken)
    {
        var (profile, stop) = await MyProfileAsync(cancellationToken);
        return stop ?? View(new ContactForm
        {
            PreferredName = profile!.PreferredName,
            Email = profile.ContactEmail,
            Phone = profile.ContactPhone,
            PreferredContact = profile.PreferredContact.ToString(),
        });
    }

    [HttpPost("profile/contact")]
    public async Task<IActionResult> Contact(ContactForm form, CancellationToken cancellationToken)
    {
        var (profile, stop) = await MyProfileAsync(cancellationToken);
        if (stop is not null)
        {
            return stop;
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }
        profile!.SetContact(form.PreferredName!.Trim(), form.Email, form.Phone, Enum.Parse<ContactMethod>(form.PreferredContact!), Now);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = "Your contact details have been saved";
        return Redirect("/profile");
    }

    [HttpGet("profile/lived-experience")]
    public async Task<IActionResult> LivedExperience(CancellationToken cancellationToken)
    {
        var (profile, stop) = await MyConsentedProfileAsync(cancellationToken);
        if (stop is not null)
        {
            return stop;
        }
        return View(new LivedExperienceForm
        {
            Areas = profile!.LivedExperience.Select(a => a.ToString()).ToList(),
            Other = profile.LivedExperienceOther,
        });
    }

    [HttpPost("profile/lived-experience")]
    public async Task<IActionResult> LivedExperience(LivedExperienceForm form, CancellationToken cancellationToken)
    {
        var (profile, stop) = await MyConsentedProfileAsync(cancellationToken);
        if (stop is not null)
        {
            return stop;
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }
        profile!.SetLivedExperience(ProfileChoices.Parse<LivedExperienceArea>(form.Areas), form.Other, Now);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = "Your lived experience has been saved";
        return Redirect("/profile");
    }

    [HttpGet("profile/access-needs")]
    public async Task<IActionResult> AccessNeeds(CancellationToken cancellationToken)
    {
        var (profile, stop) = await MyConsentedProfileAsync(cancellationToken);
        if (stop is not null)
        {
            return stop;
        }
        return View(new AccessNeedsForm
        {
            Needs = profile!.AccessNeeds.Select(n => n.ToString()).ToList(),
            Language = profile.Language,
            Other = profile.AccessNeedsOther,
        });
    }

    [HttpPost("profile/access-needs")]
    public async Task<IActionResult> AccessNeeds(AccessNeedsForm form, CancellationToken cancellationToken)
    {
        var (profile, stop) = await MyConsentedProfileAsync(cancellationToken);
        if (stop is not null)
        {
            return stop;
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }
        profile!.SetAccessNeeds(ProfileChoices.Parse<AccessNeed>(form.Needs), form.Language, form.Other, Now);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = "The support you need has been saved";
        return Redirect("/profile");
    }

    [HttpGet("profile/availability")]
    public async Task<IActionResult> Availability(CancellationToken cancellationToken)
    {
        var (profile, stop) = await MyProfileAsync(cancellationToken);
        return stop ?? View(new AvailabilityForm
        {
            Days = profile!.AvailableDays.Select(d => d.ToString()).ToList(),
            Times = profile.TimesOfDay.Select(t => t.ToString()).ToList(),
            Mode = profile.Mode.ToString(),
            TravelMiles = profile.TravelMiles?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    [HttpPost("profile/availability")]
    public async Task<IActionResult> Availability(AvailabilityForm form, CancellationToken cancellationToken)
    {
        var (profile, stop) = await MyProfileAsync(cancellationToken);
        if (stop is not null)
        {
            return stop;
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }
        profile!.SetAvailability(ProfileChoices.Parse<DayOfWeek>(form.Days), ProfileChoices.Parse<TimeOfDay>(form.Times),
            Enum.Parse<TakingPart>(form.Mode!), form.Miles, Now);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = "When you can take part has been saved";
        return Redirect("/profile");
    }

    [HttpGet("profile/payment")]
    public async Task<IActionResult> Payment(CancellationToken cancellationToken)
    {
        var (profile, stop) = await MyProfileAsync(cancellationToken);
        return stop ?? View(new PaymentForm { Preference = profile!.PaymentPreference?.ToString() });
    }

    [HttpPost("profile/payment")]
    public async Task<IActionResult> Payment(PaymentForm form, CancellationToken cancellationToken)
    {
        var (profile, stop) = await MyProfileAsync(cancellationToken);
        if (stop is not null)
        {
            return stop;
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(form);
        }
        profile!.SetPaymentPreference(Enum.Parse<PaymentPreference>(form.Preference!), Now);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = "How you would like to be paid has been saved";
        return Redirect("/profile");
    }

    [HttpGet("profile/your-data")]
    public async Task<IActionResult> YourData(CancellationToken cancellationToken)
    {
        var (profile, stop) = await MyProfileAsync(cancellationToken);
        return stop ?? View(await personalData.ReadAsync(profile!, cancellationToken));
    }

    [HttpGet("profile/your-data.json")]
    public async Task<IActionResult> YourDataJson(CancellationToken cancellationToken)
    {
        var (profile, stop) = await MyProfileAsync(cancellationToken);
        if (stop is not null)
        {
            return stop;
        }
        var json = JsonSerializer.SerializeToUtf8Bytes(await personalData.ReadAsync(profile!, cancellationToken), JsonOptions);
        Response.Headers.CacheControl = "no-store";
        return File(json, "application/json", "coproduce-your-data.json");
    }

    [HttpGet("profile/delete")]
    public async Task<IActionResult> Delete(CancellationToken cancellationToken)
    {
        var (profile, stop) = await MyProfileAsync(cancellationToken);
        if (stop is not null)
        {
            return stop;
        }
        ViewData["SignUpCount"] = await db.SignUps.CountAsync(s => s.ExpertProfileId == profile!.Id, cancellationToken);
        return View();
    }

    /// <summary>Removes the person's personal data (see <see cref="PersonalDataService.EraseAsync"/>) and signs them out.</summary>
    [HttpPost("profile/delete")]
    [ActionName(nameof(Delete))]
    public async Task<IActionResult> DeleteConfirmed(CancellationToken cancellationToken)
    {
        var (profile, stop) = await MyProfileAsync(cancellationToken);
        if (stop is not null)
        {
            return stop;
        }
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in person has no account.");
        await personalData.EraseAsync(profile!, user, cancellationToken);
        await signInManager.SignOutAsync();
        return Redirect("/profile/deleted");
    }

    /// <summary>Shown after deletion, when the person is already signed out.</summary>
    [AllowAnonymous]
    [HttpGet("profile/deleted")]
    public IActionResult Deleted() => View();

    private RedirectResult ConsentFirst()
    {
        TempData["Notice"] = "Before you tell us about your lived experience or the support you need, we need you to agree to us keeping it";
        return Redirect("/profile/consent");
    }

    /// <summary>The signed-in person's profile, for pages about special category data: only with consent.</summary>
    private async Task<(ExpertProfile? Profile, IActionResult? Stop)> MyConsentedProfileAsync(CancellationToken cancellationToken)
    {
        var (profile, stop) = await MyProfileAsync(cancellationToken);
        if (stop is not null || profile!.HasConsent)
        {
            return (profile, stop);
        }
        return (profile, ConsentFirst());
    }

    /// <summary>
    /// The signed-in person's own profile, never one named by the request. A person whose data was
    /// deleted (signed in elsewhere before the deletion) is signed out rather than shown an empty profile.
    /// </summary>
    private async Task<(ExpertProfile? Profile, IActionResult? Stop)> MyProfileAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User);
        if (userId is null)
        {
            return (null, Challenge());
        }
        var profile = await db.ExpertProfiles.SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (profile is null)
        {
            // Registration makes every profile; this only covers an account made some other way.
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return (null, Challenge());
            }
            profile = new ExpertProfile(userId, user.DisplayName, user.Email ?? string.Empty, Now);
            db.ExpertProfiles.Add(profile);
            await db.SaveChangesAsync(cancellationToken);
        }
        if (profile.AnonymisedUtc is not null)
        {
            await signInManager.SignOutAsync();
            return (null, Redirect("/profile/deleted"));
        }
        return (profile, null);
    }
}
