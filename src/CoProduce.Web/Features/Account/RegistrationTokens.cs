using CoProduce.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CoProduce.Web.Features.Account;

/// <summary>Links that confirm a new account's email address work for 3 days, not the 2 hours of a password reset.</summary>
public sealed class RegistrationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public const string ProviderName = "Registration";

    public static readonly TimeSpan Lifespan = TimeSpan.FromDays(3);

    public RegistrationTokenProviderOptions()
    {
        Name = ProviderName;
        TokenLifespan = Lifespan;
    }
}

/// <summary>Signed, time-limited tokens bound to the account's security stamp, so each link works once.</summary>
public sealed class RegistrationTokenProvider(
    IDataProtectionProvider dataProtectionProvider,
    IOptions<RegistrationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<CoProduceUser>> logger)
    : DataProtectorTokenProvider<CoProduceUser>(dataProtectionProvider, options, logger);
