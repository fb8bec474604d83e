using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Notify.Workflows.Access;

namespace Notify.Web.Features.Account;

/// <summary>Makes the roles, and on an empty user table the first admin: from the bootstrap settings, or a demo admin printed once.</summary>
public sealed class AccountSeeder(UserManager<NotifyUser> users, RoleManager<IdentityRole> roles, IConfiguration configuration, ILogger<AccountSeeder> logger)
{
    public const string DemoAdminEmail = "admin@notify.local";

    public async Task SeedAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (users.Users.Any())
        {
            return;
        }

        var email = configuration["Notify:Bootstrap:AdminEmail"] ?? DemoAdminEmail;
        var configured = configuration["Notify:Bootstrap:AdminPassword"];
        var password = string.IsNullOrEmpty(configured) ? GeneratePassword() : configured;
        var admin = new NotifyUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrator" };
        var result = await users.CreateAsync(admin, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The first admin could not be created: " + string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(admin, Roles.Admin);
        if (string.IsNullOrEmpty(configured))
        {
            logger.LogWarning("First admin created. Sign in as {Email} with the password {Password} (shown once; set Notify__Bootstrap__AdminPassword to choose it).", email, password);
            if (!configuration.GetValue("Notify:Logging:Json", false))
            {
                Console.WriteLine($"\n  Sign in as {email} with the password {password}\n"); // for a person at the console; JSON logs carry only the warning
            }
        }
        else
        {
            logger.LogInformation("First admin {Email} created from the bootstrap settings.", email);
        }
    }

    private static string GeneratePassword() =>
        "Nt-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y') + "7a";
}
