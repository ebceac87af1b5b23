using CoProduce.Web.Data;
using CoProduce.Web.Domain.Audit;
using CoProduce.Web.Features.Account;
using CoProduce.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CoProduce.Web.Features.Admin;

/// <summary>Changes to council staff accounts, made by a co-production lead.</summary>
public sealed class StaffAccountService(
    CoProduceDbContext db,
    UserManager<CoProduceUser> users,
    PasswordLinkSender passwordLinks,
    TimeProvider clock)
{
    /// <summary>Every account with a staff role, by name, with its staff roles.</summary>
    public async Task<List<StaffRow>> ListAsync(CancellationToken cancellationToken)
    {
        var staffRoleIds = await db.Roles.Where(r => Roles.Staff.Contains(r.Name!)).ToDictionaryAsync(r => r.Id, r => r.Name!, cancellationToken);
        var memberships = await db.UserRoles.Where(ur => staffRoleIds.Keys.Contains(ur.RoleId)).ToListAsync(cancellationToken);
        var userIds = memberships.Select(m => m.UserId).Distinct().ToList();
        var people = await db.Users.Where(u => userIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        return people
            .Select(p => new StaffRow(p.Id, p.DisplayName, p.Email ?? string.Empty,
                memberships.Where(m => m.UserId == p.Id).Select(m => Roles.DisplayName(staffRoleIds[m.RoleId])).Order().ToList()))
            .OrderBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    public enum Creation
    {
        Created,
        EmailInUse,
        EmailRefused,
    }

    /// <summary>
    /// Makes a staff account with its roles, its audit entry and the email with a link to choose a
    /// password, saved together or not at all. The email is sent from the outbox, so a mail server
    /// that is down delays it rather than losing it.
    /// </summary>
    public async Task<Creation> CreateAsync(string displayName, string email, IReadOnlyList<string> roles, string createdByUserId, CancellationToken cancellationToken) =>
        (await CreateAccountAsync(displayName, email, roles, createdByUserId, "Staff account created.",
            user => passwordLinks.AddToOutboxAsync(user, PasswordLinkSender.Purpose.NewStaffAccount), cancellationToken)).Outcome;

    /// <summary>Who the audit log says made an account from the command line, where nobody is signed in.</summary>
    public const string CommandLineUserId = "system";

    /// <summary>
    /// Makes a co-production lead's account from the command line (the first one, on a new
    /// database), with its audit entry, and returns the one-time link to choose a password instead
    /// of emailing it: email may not be set up yet. Nothing is emailed. The link is made after the
    /// save: on a new database it makes the first data-protection key, which is saved on a
    /// connection of its own and would wait for this transaction on SQLite.
    /// </summary>
    public async Task<(Creation Outcome, string? PasswordLink)> CreateLeadFromCommandLineAsync(string displayName, string email, CancellationToken cancellationToken)
    {
        var (outcome, user) = await CreateAccountAsync(displayName, email, [Roles.CoProductionLead], CommandLineUserId,
            "Co-production lead account created from the command line.", _ => Task.CompletedTask, cancellationToken);
        return (outcome, outcome == Creation.Created ? await passwordLinks.LinkAsync(user) : null);
    }

    private async Task<(Creation Outcome, CoProduceUser User)> CreateAccountAsync(string displayName, string email, IReadOnlyList<string> roles,
        string createdByUserId, string auditSummary, Func<CoProduceUser, Task> passwordLink, CancellationToken cancellationToken)
    {
        var user = new CoProduceUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var result = IdentityResult.Success;
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            result = await users.CreateAsync(user);
            if (result.Succeeded)
            {
                result = await users.AddToRolesAsync(user, roles);
            }
            if (result.Succeeded)
            {
                // Added after Identity's own saves, so that it is saved below, inside the transaction.
                // The entry holds roles only: never the person's name or email address.
                db.AuditEntries.Add(new AuditEntry(AuditSubject.StaffAccount(user.Id), null, AuditActions.StaffAccountCreated,
                    auditSummary, createdByUserId, clock.GetUtcNow().UtcDateTime, after: RoleList(roles)));
                await passwordLink(user);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        });
        if (!result.Succeeded)
        {
            return (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
                ? Creation.EmailInUse
                : Creation.EmailRefused, user);
        }
        return (Creation.Created, user);
    }

    public enum RoleChange
    {
        Changed,
        Unchanged,
        NotStaff,
        WouldRemoveOwnLeadRole,
    }

    /// <summary>The account's name and staff roles, or null when it is not a staff account.</summary>
    public async Task<(string Name, IReadOnlyList<string> Roles)?> StaffAccountAsync(string userId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return null;
        }
        var roles = (await users.GetRolesAsync(user)).Where(Roles.Staff.Contains).ToList();
        return roles.Count == 0 ? null : (user.DisplayName, roles);
    }

    /// <summary>
    /// Gives the account exactly these staff roles, with an audit entry of the roles before and
    /// after. A change ends the person's sessions, so that they sign in again with the new roles
    /// and a removed role stops working at once.
    /// </summary>
    public async Task<RoleChange> ChangeRolesAsync(string userId, IReadOnlyCollection<string> newRoles, string changedByUserId)
    {
        var user = await users.FindByIdAsync(userId);
        var current = user is null ? [] : (await users.GetRolesAsync(user)).Where(Roles.Staff.Contains).ToHashSet();
        var decision = Decide(current, newRoles, isOwnAccount: userId == changedByUserId);
        if (decision != RoleChange.Changed)
        {
            return decision;
        }
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Check(await users.RemoveFromRolesAsync(user!, current.Except(newRoles)));
            Check(await users.AddToRolesAsync(user!, newRoles.Except(current)));
            Check(await users.UpdateSecurityStampAsync(user!));
            db.AuditEntries.Add(new AuditEntry(AuditSubject.StaffAccount(userId), null, AuditActions.StaffRolesChanged,
                "Staff roles changed.", changedByUserId, clock.GetUtcNow().UtcDateTime, RoleList(current), RoleList(newRoles)));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });
        return RoleChange.Changed;
    }

    /// <summary>
    /// For someone who has lost their phone and their recovery codes: turns off the account's
    /// two-factor sign-in, forgets its key and codes, and ends its sessions. A finance officer or
    /// lead is asked to set up an app again when they next sign in. Audited.
    /// </summary>
    /// <summary>
    /// Resets another staff member's two-factor sign-in. False when there is no such staff account,
    /// or it is the lead's own: they manage their own at "Sign-in security", so that a lead cannot
    /// sign themselves out everywhere by accident, and a stolen session cannot strip the second factor.
    /// </summary>
    public async Task<bool> ResetTwoFactorAsync(string userId, string resetByUserId)
    {
        if (userId == resetByUserId || await StaffAccountAsync(userId) is null)
        {
            return false;
        }
        var user = await users.FindByIdAsync(userId);
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Check(await users.SetTwoFactorEnabledAsync(user!, false));
            Check(await users.ResetAuthenticatorKeyAsync(user!));
            await users.GenerateNewTwoFactorRecoveryCodesAsync(user!, 0);
            Check(await users.UpdateSecurityStampAsync(user!));
            db.AuditEntries.Add(new AuditEntry(AuditSubject.StaffAccount(userId), null, AuditActions.TwoFactorReset,
                "Two-factor sign-in reset by a co-production lead.", resetByUserId, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });
        return true;
    }

    /// <summary>
    /// Only staff accounts have their roles changed here, and a lead keeps their own lead role, so
    /// that the scheme is never left with nobody who can manage it by accident.
    /// </summary>
    public static RoleChange Decide(IReadOnlySet<string> currentStaffRoles, IReadOnlyCollection<string> newRoles, bool isOwnAccount)
    {
        if (currentStaffRoles.Count == 0)
        {
            return RoleChange.NotStaff;
        }
        if (isOwnAccount && currentStaffRoles.Contains(Roles.CoProductionLead) && !newRoles.Contains(Roles.CoProductionLead))
        {
            return RoleChange.WouldRemoveOwnLeadRole;
        }
        return currentStaffRoles.SetEquals(newRoles) ? RoleChange.Unchanged : RoleChange.Changed;
    }

    /// <summary>Role names in a fixed order, so that the same roles always read the same in the audit log.</summary>
    private static string RoleList(IEnumerable<string> roles) =>
        string.Join(", ", roles.Distinct().Order(StringComparer.Ordinal));

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not change the roles: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}

public sealed record StaffRow(string UserId, string Name, string Email, IReadOnlyList<string> Roles);
