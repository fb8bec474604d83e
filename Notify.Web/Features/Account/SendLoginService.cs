using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Notify.Domain.Contacts;
using Notify.Domain.Messaging;
using Notify.Workflows.Access;
using Notify.Workflows.Persistence;
using Notify.Workflows.Runtime;

namespace Notify.Web.Features.Account;

/// <summary>
/// Invites people to sign in: each gets a recipient account tied to their contact and a one-time code by SMS or
/// email, sent through the normal delivery pipeline. At most three codes per person per hour.
/// </summary>
public sealed class SendLoginService(
    IDbContextFactory<NotifyDbContext> dbFactory, IServiceScopeFactory scopes, TimeProvider time, DeliveriesWakeUp wakeUp, AuditLog audit)
{
    private const int MaxCodesPerHour = 3;

    public async Task<IReadOnlyList<SendLoginResult>> SendAsync(IReadOnlyList<string> contactKeys, Channel channel, string signInUrl, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NotifyUser>>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var results = new List<SendLoginResult>();
        foreach (var key in contactKeys.Distinct())
        {
            var contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Key == key, ct);
            var address = channel == Channel.Sms ? contact?.PrimaryPhone : contact?.PrimaryEmail;
            if (contact is null || address is null)
            {
                results.Add(new SendLoginResult(key, contact?.Name ?? key, false, contact is null ? "unknown contact" : channel == Channel.Sms ? "no phone number" : "no email address"));
                continue;
            }

            var user = await RecipientAsync(users, contact);
            if (user is null)
            {
                results.Add(new SendLoginResult(key, contact.Name, false, "the email belongs to another account"));
                continue;
            }

            var hourAgo = now.AddHours(-1);
            if (await db.SignInCodes.CountAsync(c => c.UserId == user.Id && c.CreatedAt > hourAgo, ct) >= MaxCodesPerHour)
            {
                results.Add(new SendLoginResult(key, contact.Name, false, "three codes were sent in the last hour; try later"));
                continue;
            }

            SignInCodeMessage.Queue(db, user, channel, address, key, "", signInUrl, now);
            audit.Record(db, "sent-login", "contact", key, $"one-time code by {channel.ToName()}");
            results.Add(new SendLoginResult(key, contact.Name, true, $"code sent by {channel.ToName()} to {address}"));
        }

        await db.SaveChangesAsync(ct);
        wakeUp.Signal();
        return results;
    }

    private static async Task<NotifyUser?> RecipientAsync(UserManager<NotifyUser> users, Contact contact)
    {
        var existing = users.Users.FirstOrDefault(u => u.ContactKey == contact.Key);
        if (existing is not null)
        {
            return existing;
        }

        var email = contact.PrimaryEmail ?? $"{contact.Key.Replace(':', '.').Replace('@', '.')}@contacts.invalid";
        if (await users.FindByEmailAsync(email) is not null)
        {
            return null;
        }

        var user = new NotifyUser { UserName = email, Email = email, DisplayName = contact.Name, ContactKey = contact.Key };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return null;
        }

        await users.AddToRoleAsync(user, Roles.Recipient);
        return user;
    }
}

public sealed record SendLoginResult(string ContactKey, string Name, bool Sent, string Message);
