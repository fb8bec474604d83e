using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Notify.Workflows.Access;

namespace Notify.Web.Features.Users;

public static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        api.MapGet("/users", async (StaffService staff, CancellationToken ct) => TypedResults.Ok(await staff.ListAsync(ct)))
            .RequireAuthorization(Infrastructure.ApiPolicies.Admin).WithSummary("Staff accounts: admins and support staff.");
        api.MapPut("/users/{email}", PutAsync)
            .RequireAuthorization(Infrastructure.ApiPolicies.Admin)
            .WithSummary("Invite a staff member (a new email: a sign-in code is emailed), or change a name, role or whether the account is active.");
        return api;
    }

    private static async Task<Results<Ok<StaffMember>, Created<StaffMember>>> PutAsync(
        string email, StaffBody body, StaffService staff, UserManager<NotifyUser> users, HttpContext context, CancellationToken ct)
    {
        if (await users.FindByEmailAsync(email) is not null)
        {
            return TypedResults.Ok(await staff.ChangeAsync(email, body, ct));
        }

        var invited = await staff.InviteAsync(email, body.Name, body.Role, $"{context.Request.Scheme}://{context.Request.Host}/account/code", ct);
        if (body.Active == false)
        {
            invited = await staff.ChangeAsync(invited.Email, new StaffBody(null, null, false), ct);
        }

        return TypedResults.Created($"/api/v1/users/{Uri.EscapeDataString(invited.Email)}", invited);
    }
}
