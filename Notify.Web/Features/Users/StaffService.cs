using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Notify.Domain.Common;
using Notify.Domain.Messaging;
using Notify.Web.Features.Account;
using Notify.Workflows.Access;
using Notify.Workflows.Persistence;
using Notify.Workflows.Runtime;

namespace Notify.Web.Features.Users;

/// <summary>
/// Staff accounts — admins and support staff: invited by email with a one-time code (sent through the delivery
/// pipeline), their role changed, deactivated and reactivated, their password reset. The last active admin cannot be
/// demoted or deactivated. Every change is audited. The Users page and the API both call this.
/// </summary>
public sealed class StaffService(
    IServiceScopeFactory scopes, IDbContextFactory<NotifyDbContext> dbFactory, TimeProvider time, DeliveriesWakeUp wakeUp, AuditLog audit)
{
    private static readonly string[] StaffRoles = [Roles.Admin, Roles.Support];

    public async Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NotifyUser>>();
        var members = new List<StaffMember>();
        foreach (var role in StaffRoles)
        {
            foreach (var user in await users.GetUsersInRoleAsync(role))
            {
                members.Add(Describe(user, role));
            }
        }

        return members.OrderBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(m => m.Email, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Creates the account and emails its first sign-in code; after signing in with it the person chooses a password.</summary>
    public async Task<StaffMember> InviteAsync(string email, string? name, string? role, string signInUrl, CancellationToken ct)
    {
        email = RequireEmail(email);
        role = RequireRole(role);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NotifyUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new ValidationException("email", $"{email} already has an account: change it in the list instead.");
        }

        var user = new NotifyUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = string.IsNullOrWhiteSpace(name) ? email : name.Trim() };
        Succeeded(await users.CreateAsync(user), "email");
        Succeeded(await users.AddToRoleAsync(user, role), "role");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        SignInCodeMessage.Queue(db, user, Channel.Email, email, null, $"You are invited to Notify as {Words(role)}. ", signInUrl, time.GetUtcNow().UtcDateTime);
        audit.Record(db, "invited", "user", email, new { name = user.DisplayName, role, active = true });
        await db.SaveChangesAsync(ct);
        wakeUp.Signal();
        return Describe(user, role);
    }

    /// <summary>Changes name, role or whether the account may sign in; a deactivated person is signed out within a minute.</summary>
    public async Task<StaffMember> ChangeAsync(string email, StaffBody change, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NotifyUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new NotFoundException("User", email);
        var before = await RoleOfAsync(users, user) ?? throw new ValidationException("email", $"{email} is a recipient's account, not staff: it is managed under Send login.");
        var wasActive = IsActive(user);
        var role = change.Role is null ? before : RequireRole(change.Role);
        var active = change.Active ?? wasActive;
        if (before == Roles.Admin && wasActive && (role != Roles.Admin || !active) && await OtherActiveAdminsAsync(users, user) == 0)
        {
            throw new ValidationException(role != Roles.Admin ? "role" : "active",
                $"{user.DisplayName} is the last active admin: make someone else an admin first, or nobody could manage Notify.");
        }

        if (!string.IsNullOrWhiteSpace(change.Name)) user.DisplayName = change.Name.Trim();
        if (role != before)
        {
            Succeeded(await users.RemoveFromRoleAsync(user, before), "role");
            Succeeded(await users.AddToRoleAsync(user, role), "role");
        }

        if (active != wasActive)
        {
            Succeeded(await users.SetLockoutEnabledAsync(user, true), "active");
            Succeeded(await users.SetLockoutEndDateAsync(user, active ? null : DateTimeOffset.MaxValue), "active");
        }

        Succeeded(await users.UpdateAsync(user), "name");
        await users.UpdateSecurityStampAsync(user); // signs the person out everywhere, so a new role or a deactivation takes hold
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        audit.Record(db, active == wasActive ? "changed" : active ? "reactivated" : "deactivated", "user", user.Email!,
            new { name = user.DisplayName, role, active });
        await db.SaveChangesAsync(ct);
        return Describe(user, role);
    }

    /// <summary>Removes the password and emails a new sign-in code, after which the person chooses a new password.</summary>
    public async Task ResetPasswordAsync(string email, string signInUrl, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NotifyUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new NotFoundException("User", email);
        _ = await RoleOfAsync(users, user) ?? throw new ValidationException("email", $"{email} is a recipient's account, not staff.");
        if (!IsActive(user))
        {
            throw new ValidationException("active", $"{user.DisplayName} is deactivated: reactivate the account first.");
        }

        if (await users.HasPasswordAsync(user)) Succeeded(await users.RemovePasswordAsync(user), "password");
        await users.UpdateSecurityStampAsync(user);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        SignInCodeMessage.Queue(db, user, Channel.Email, user.Email!, null, "Your Notify password was reset by an administrator. ", signInUrl, time.GetUtcNow().UtcDateTime);
        audit.Record(db, "reset-password", "user", user.Email!, "a new sign-in code was emailed");
        await db.SaveChangesAsync(ct);
        wakeUp.Signal();
    }

    public static string Words(string role) => role == Roles.Admin ? "an admin" : "support staff";

    private static StaffMember Describe(NotifyUser user, string role) =>
        new(user.Email!, user.DisplayName, role, IsActive(user), user.PasswordHash is null);

    private static bool IsActive(NotifyUser user) => user.LockoutEnd != DateTimeOffset.MaxValue;

    private static async Task<string?> RoleOfAsync(UserManager<NotifyUser> users, NotifyUser user)
    {
        var roles = await users.GetRolesAsync(user);
        return StaffRoles.FirstOrDefault(roles.Contains);
    }

    private static async Task<int> OtherActiveAdminsAsync(UserManager<NotifyUser> users, NotifyUser user) =>
        (await users.GetUsersInRoleAsync(Roles.Admin)).Count(u => u.Id != user.Id && IsActive(u));

    private static string RequireEmail(string? email)
    {
        var trimmed = email?.Trim() ?? "";
        if (!MimeKit.MailboxAddress.TryParse(trimmed, out var parsed) || parsed.Address != trimmed || !trimmed.Contains('@'))
        {
            throw new ValidationException("email", "Enter an email address such as kari@example.com.");
        }

        return trimmed;
    }

    private static string RequireRole(string? role) =>
        StaffRoles.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase))
        ?? throw new ValidationException("role", "Choose Admin (everything) or Support (reads runs, deliveries and records).");

    private static void Succeeded(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new ValidationException(field, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
